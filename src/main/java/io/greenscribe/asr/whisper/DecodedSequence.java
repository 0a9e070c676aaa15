package io.greenscribe.asr.whisper;

import java.util.List;

/**
 * Tokens generated for one window by one decoding pass.
 *
 * @param tokens sampled tokens after the prefix, without the end-of-text token
 * @param tokenLogProbs log-probability of each of {@code tokens}
 * @param sumLogProb summed log-probability of the sampled tokens, end-of-text included
 * @param noSpeechProb probability of the no-speech token at the start-of-transcript position
 * @param temperature 0 for greedy
 */
record DecodedSequence(
        List<Integer> tokens, List<Double> tokenLogProbs, double sumLogProb, double noSpeechProb, double temperature) {

    /** Mean log-probability per token, counting the end-of-text token as Whisper does. */
    double avgLogProb() {
        return sumLogProb / (tokens.size() + 1);
    }
}

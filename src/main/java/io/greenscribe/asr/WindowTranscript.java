package io.greenscribe.asr;

import java.util.List;

/**
 * What one window produced.
 *
 * @param windowIndex the {@link AudioWindow#index()} this belongs to
 * @param language language code used for decoding (detected or given)
 * @param languageProbability probability of that language when detected, 1 when given
 * @param segments timed segments; empty when the window held no speech
 * @param avgLogProb mean token log-probability of the accepted decode
 * @param noSpeechProb the model's no-speech probability for the window
 * @param compressionRatio text length over its zlib-compressed length (high means repetition)
 * @param temperature temperature of the accepted decode
 * @param noSpeech whether the window was judged silent and its text dropped
 */
public record WindowTranscript(
        int windowIndex,
        String language,
        double languageProbability,
        List<Segment> segments,
        double avgLogProb,
        double noSpeechProb,
        double compressionRatio,
        double temperature,
        boolean noSpeech) {

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            sb.append(s.text());
        }
        return sb.toString().strip();
    }
}

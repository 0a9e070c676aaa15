package io.greenscribe.asr.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lombok.RequiredArgsConstructor;

/**
 * Decodes a batch of encoded windows together, one token per step for every row still running.
 * Rows that emit end-of-text leave the batch (their caches are dropped), so a batch costs what its
 * longest window needs and no more. Token choice runs in Java on the logits row: the rules are
 * branchy per row and the row is small next to the matrix work that produced it.
 */
@RequiredArgsConstructor
final class BatchDecoder {

    private final WhisperNetwork network;
    private final WhisperTokenizer tokenizer;

    /**
     * @param encoded encoder states [B, 1500, width]
     * @param prefixes one prompt + start-of-transcript sequence per row, all the same length
     * @param sotIndex position of start-of-transcript in the prefixes (for the no-speech probability)
     */
    List<DecodedSequence> decode(
            NDArray encoded,
            int[][] prefixes,
            int sotIndex,
            LogitRules rules,
            double temperature,
            int maxNew,
            Random random) {
        int batch = prefixes.length;
        List<List<Integer>> sampled = new ArrayList<>();
        List<List<Double>> logProbs = new ArrayList<>();
        double[] sumLogProb = new double[batch];
        double[] noSpeech = new double[batch];
        boolean[] done = new boolean[batch];
        for (int b = 0; b < batch; b++) {
            sampled.add(new ArrayList<>());
            logProbs.add(new ArrayList<>());
        }
        NDManager manager = encoded.getManager();
        int[] active = range(batch);
        try (DecoderState state = startDecoding(encoded)) {
            float[][] logits;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray hidden = network.decode(manager.create(toLongs(prefixes)), state);
                int last = prefixes[0].length - 1;
                logits = rows(network.logits(hidden.get(new NDIndex(":, {}, :", last))));
                if (tokenizer.noSpeech >= 0) {
                    float[][] atSot = rows(network.logits(hidden.get(new NDIndex(":, {}, :", sotIndex))));
                    for (int b = 0; b < batch; b++) {
                        noSpeech[b] = softmaxAt(atSot[b], tokenizer.noSpeech);
                    }
                }
            }
            for (int step = 0; step < maxNew && active.length > 0; step++) {
                long[] next = new long[active.length];
                List<Integer> still = new ArrayList<>();
                for (int i = 0; i < active.length; i++) {
                    int row = active[i];
                    float[] rowLogits = logits[i];
                    rules.apply(rowLogits, sampled.get(row));
                    int token = temperature > 0 ? sample(rowLogits, temperature, random) : argMax(rowLogits);
                    double logProb = logSoftmaxAt(rowLogits, token);
                    sumLogProb[row] += logProb;
                    next[i] = token;
                    if (token == tokenizer.endOfText) {
                        done[row] = true;
                    } else {
                        sampled.get(row).add(token);
                        logProbs.get(row).add(logProb);
                        still.add(i);
                    }
                }
                if (still.isEmpty() || step == maxNew - 1) {
                    break;
                }
                long[] keep = still.stream().mapToLong(Integer::longValue).toArray();
                long[] feed = new long[keep.length];
                int[] nextActive = new int[keep.length];
                for (int i = 0; i < keep.length; i++) {
                    feed[i] = next[(int) keep[i]];
                    nextActive[i] = active[(int) keep[i]];
                }
                if (keep.length < active.length) {
                    state.keepRows(keep);
                }
                active = nextActive;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray tokens = manager.create(feed).reshape(feed.length, 1);
                    NDArray hidden = network.decode(tokens, state);
                    logits = rows(network.logits(hidden.get(new NDIndex(":, -1, :"))));
                }
            }
        }
        List<DecodedSequence> out = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            out.add(new DecodedSequence(
                    List.copyOf(sampled.get(b)),
                    List.copyOf(logProbs.get(b)),
                    sumLogProb[b],
                    noSpeech[b],
                    temperature));
        }
        return out;
    }

    /** Most likely language per row, from one decoder step on start-of-transcript alone. */
    List<LanguageGuess> detectLanguage(NDArray encoded) {
        int batch = (int) encoded.getShape().get(0);
        int[][] sot = new int[batch][];
        for (int b = 0; b < batch; b++) {
            sot[b] = new int[] {tokenizer.startOfTranscript};
        }
        List<LanguageGuess> guesses = new ArrayList<>(batch);
        try (DecoderState state = startDecoding(encoded);
                NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray hidden = network.decode(encoded.getManager().create(toLongs(sot)), state);
            float[][] logits = rows(network.logits(hidden.get(new NDIndex(":, 0, :"))));
            for (float[] row : logits) {
                guesses.add(bestLanguage(row));
            }
        }
        return guesses;
    }

    private LanguageGuess bestLanguage(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (int id : tokenizer.languages().values()) {
            max = Math.max(max, logits[id]);
        }
        double sum = 0;
        String best = null;
        double bestLogit = Double.NEGATIVE_INFINITY;
        for (var e : tokenizer.languages().entrySet()) {
            float l = logits[e.getValue()];
            sum += Math.exp(l - max);
            if (l > bestLogit) {
                bestLogit = l;
                best = e.getKey();
            }
        }
        return new LanguageGuess(best, Math.exp(bestLogit - max) / sum);
    }

    private DecoderState startDecoding(NDArray encoded) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return network.startDecoding(encoded);
        }
    }

    private static float[][] rows(NDArray logits) {
        int batch = (int) logits.getShape().get(0);
        int vocab = (int) logits.getShape().get(1);
        float[] flat = logits.toFloatArray();
        float[][] out = new float[batch][vocab];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(flat, b * vocab, out[b], 0, vocab);
        }
        return out;
    }

    private static long[][] toLongs(int[][] prefixes) {
        long[][] out = new long[prefixes.length][];
        for (int b = 0; b < prefixes.length; b++) {
            out[b] = new long[prefixes[b].length];
            for (int i = 0; i < prefixes[b].length; i++) {
                out[b][i] = prefixes[b][i];
            }
        }
        return out;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    static int argMax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int sample(float[] logits, double temperature, Random random) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] weights = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            weights[i] = Math.exp((logits[i] - max) / temperature);
            total += weights[i];
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r <= 0) {
                return i;
            }
        }
        return argMax(logits);
    }

    static double logSoftmaxAt(float[] logits, int index) {
        return logits[index] - logSumExp(logits, 0, logits.length);
    }

    /** log Σ exp over {@code logits[from..to)}, shifted by the maximum so nothing overflows. */
    static double logSumExp(float[] logits, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, logits[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.exp(logits[i] - max);
        }
        return max + Math.log(sum);
    }

    private static double softmaxAt(float[] logits, int index) {
        return Math.exp(logSoftmaxAt(logits, index));
    }

    /** A detected language and its probability among the model's languages. */
    record LanguageGuess(String code, double probability) {}
}

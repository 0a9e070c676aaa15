package io.greenscribe.asr.whisper;

import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Whisper's constraints on the next token, applied in place to one row of logits: never emit
 * control tokens or the suppressed non-speech symbols, don't start with a blank, and keep
 * timestamps paired, non-decreasing and forced when they are more likely than any text.
 */
@RequiredArgsConstructor
final class LogitRules {

    /** Whisper allows the first timestamp at most 1 s into the window (50 steps of 20 ms). */
    private static final int MAX_INITIAL_TIMESTAMP_STEPS = 50;

    private final WhisperTokenizer tokens;
    private final int[] suppress;
    private final int[] suppressAtBegin;
    private final boolean timestamps;

    void apply(float[] logits, List<Integer> sampled) {
        for (int id : suppress) {
            mask(logits, id);
        }
        for (int id = tokens.endOfText + 1; id < tokens.timestampBegin && id < logits.length; id++) {
            logits[id] = Float.NEGATIVE_INFINITY;
        }
        if (sampled.isEmpty()) {
            for (int id : suppressAtBegin) {
                mask(logits, id);
            }
        }
        if (!timestamps) {
            fill(logits, tokens.timestampBegin, logits.length);
            return;
        }
        applyTimestampRules(logits, sampled);
    }

    private void applyTimestampRules(float[] logits, List<Integer> sampled) {
        int n = sampled.size();
        boolean lastWasTimestamp = n >= 1 && tokens.isTimestamp(sampled.get(n - 1));
        boolean penultimateWasTimestamp = n < 2 || tokens.isTimestamp(sampled.get(n - 2));
        if (lastWasTimestamp) {
            if (penultimateWasTimestamp) {
                fill(logits, tokens.timestampBegin, logits.length);
            } else {
                fill(logits, 0, tokens.endOfText);
            }
        }
        int lastTimestamp = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (tokens.isTimestamp(sampled.get(i))) {
                lastTimestamp = sampled.get(i);
                break;
            }
        }
        if (lastTimestamp >= 0) {
            // a closing timestamp may repeat the opening one; after a closed pair time must advance
            int floor = lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1;
            fill(logits, tokens.timestampBegin, Math.min(floor, logits.length));
        }
        if (n == 0) {
            fill(logits, 0, tokens.timestampBegin);
            fill(logits, tokens.timestampBegin + MAX_INITIAL_TIMESTAMP_STEPS + 1, logits.length);
        }
        forceTimestampWhenLikelier(logits);
    }

    /** Compared as log-probabilities, both share log Z, so logits suffice. */
    private void forceTimestampWhenLikelier(float[] logits) {
        int begin = Math.min(tokens.timestampBegin, logits.length);
        double timestamps = BatchDecoder.logSumExp(logits, begin, logits.length);
        double maxText = Double.NEGATIVE_INFINITY;
        for (int id = 0; id < begin; id++) {
            maxText = Math.max(maxText, logits[id]);
        }
        if (timestamps > maxText) {
            fill(logits, 0, begin);
        }
    }

    private static void mask(float[] logits, int id) {
        if (id >= 0 && id < logits.length) {
            logits[id] = Float.NEGATIVE_INFINITY;
        }
    }

    private static void fill(float[] logits, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, logits.length); i++) {
            logits[i] = Float.NEGATIVE_INFINITY;
        }
    }
}

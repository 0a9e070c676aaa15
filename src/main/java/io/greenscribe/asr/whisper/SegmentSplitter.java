package io.greenscribe.asr.whisper;

import io.greenscribe.asr.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a window's tokens into segments at Whisper's timestamp tokens ({@code <|t0|> text <|t1|>}),
 * shifted to the window's place in the audio and clamped inside it. Text after the last timestamp
 * runs to the end of the window, because windows are decoded once, not re-seeked.
 */
final class SegmentSplitter {

    private static final double SECONDS_PER_TIMESTAMP = 0.02;

    private final WhisperTokenizer tokenizer;

    SegmentSplitter(WhisperTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    List<Segment> split(DecodedSequence decoded, double offset, double windowSeconds) {
        List<Segment> segments = new ArrayList<>();
        List<Integer> text = new ArrayList<>();
        double start = 0;
        boolean open = false;
        for (int token : decoded.tokens()) {
            if (!tokenizer.isTimestamp(token)) {
                text.add(token);
                continue;
            }
            double time = Math.min(windowSeconds, (token - tokenizer.timestampBegin) * SECONDS_PER_TIMESTAMP);
            if (open && !text.isEmpty()) {
                add(segments, decoded, text, offset + start, offset + Math.max(start, time));
                text.clear();
                open = false;
            } else if (!open) {
                start = time;
                open = true;
            }
        }
        if (!text.isEmpty()) {
            double from = open ? start : 0;
            add(segments, decoded, text, offset + from, offset + Math.max(from, windowSeconds));
        }
        return segments;
    }

    private void add(List<Segment> out, DecodedSequence decoded, List<Integer> tokens, double start, double end) {
        String text = tokenizer.decode(tokens);
        if (text.isBlank()) {
            return;
        }
        out.add(new Segment(round(start), round(end), text, decoded.avgLogProb(), decoded.noSpeechProb(), decoded.temperature()));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}

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
                add(segments, decoded, text, offset + start, offset + Math.max(start, time), offset + windowSeconds);
                text.clear();
                open = false;
            } else if (!open) {
                start = time;
                open = true;
            }
        }
        if (!text.isEmpty()) {
            double from = open ? start : 0;
            add(segments, decoded, text, offset + from, offset + Math.max(from, windowSeconds), offset + windowSeconds);
        }
        return segments;
    }

    private void add(List<Segment> out, DecodedSequence decoded, List<Integer> tokens, double start, double end, double limit) {
        String text = tokenizer.decode(tokens);
        if (text.isBlank()) {
            return;
        }
        double to = Math.min(limit, Math.round(end * 1000) / 1000.0);
        double from = Math.min(to, Math.round(start * 1000) / 1000.0);
        out.add(new Segment(from, to, text, decoded.avgLogProb(), decoded.noSpeechProb(), decoded.temperature()));
    }
}

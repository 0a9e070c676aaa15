package io.greenscribe.asr.whisper;

import io.greenscribe.asr.Segment;
import io.greenscribe.asr.Word;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Cuts a window's tokens into segments at Whisper's timestamp tokens ({@code <|t0|> text <|t1|>}),
 * shifted to the window's place in the audio and clamped inside it. Text after the last timestamp
 * runs to the end of the window, because windows are decoded once, not re-seeked.
 */
@RequiredArgsConstructor
final class SegmentSplitter {

    private static final double SECONDS_PER_TIMESTAMP = 0.02;

    private final WhisperTokenizer tokenizer;

    List<Segment> split(DecodedSequence decoded, double offset, double windowSeconds) {
        return split(decoded, offset, windowSeconds, List.of());
    }

    /**
     * As above, giving each segment the aligned words whose first text token falls inside it
     * ({@code words} index the text tokens, timestamps not counted).
     */
    List<Segment> split(
            DecodedSequence decoded, double offset, double windowSeconds, List<WordAligner.AlignedWord> words) {
        Cutter cutter = new Cutter(decoded, offset, offset + windowSeconds, words);
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
                cutter.add(text, start, Math.max(start, time));
                text.clear();
                open = false;
            } else if (!open) {
                start = time;
                open = true;
            }
        }
        if (!text.isEmpty()) {
            double from = open ? start : 0;
            cutter.add(text, from, Math.max(from, windowSeconds));
        }
        return cutter.segments;
    }

    /** Per-call state: the segments so far and how many text tokens and words they have used. */
    private final class Cutter {
        final List<Segment> segments = new ArrayList<>();
        final DecodedSequence decoded;
        final double offset;
        final double limit;
        final List<WordAligner.AlignedWord> words;
        int textSeen;
        int nextWord;

        Cutter(DecodedSequence decoded, double offset, double limit, List<WordAligner.AlignedWord> words) {
            this.decoded = decoded;
            this.offset = offset;
            this.limit = limit;
            this.words = words;
        }

        void add(List<Integer> tokens, double start, double end) {
            textSeen += tokens.size();
            List<Word> timed = new ArrayList<>();
            while (nextWord < words.size() && words.get(nextWord).firstToken() < textSeen) {
                WordAligner.AlignedWord w = words.get(nextWord++);
                timed.add(new Word(
                        seconds(offset + w.start()),
                        seconds(offset + w.end()),
                        w.text(),
                        Math.round(w.probability() * 10_000) / 10_000.0));
            }
            String text = tokenizer.decode(tokens);
            if (text.isBlank()) {
                return;
            }
            double to = seconds(offset + end);
            double from = Math.min(to, seconds(offset + start));
            segments.add(new Segment(
                    from, to, text, decoded.avgLogProb(), decoded.noSpeechProb(), decoded.temperature(), timed));
        }

        /** Rounded to the millisecond and kept inside the window. */
        private double seconds(double t) {
            return Math.min(limit, Math.round(t * 1000) / 1000.0);
        }
    }
}

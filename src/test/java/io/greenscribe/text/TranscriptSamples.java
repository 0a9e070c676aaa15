package io.greenscribe.text;

import java.util.List;

/** Documents shared by the writer tests. */
final class TranscriptSamples {

    private TranscriptSamples() {}

    /**
     * Covers what the writers must handle: word timings, raw text differing from text, markup
     * characters, a multi-line segment, an end before its start, sub-millisecond times and a blank
     * segment.
     */
    static TranscriptDocument english() {
        return new TranscriptDocument(
                "en",
                "whisper-small",
                3725.0004,
                List.of(
                        new TimedSegment(
                                0,
                                0.0,
                                2.5,
                                "Hello, world.",
                                "Hello, world.",
                                List.of(
                                        new TimedWord(0.0, 0.42, " Hello,", 0.98765),
                                        new TimedWord(0.5, 1.1, " world.", 0.9))),
                        new TimedSegment(
                                1,
                                2.5004,
                                5.0,
                                "It costs $5 & <more> --> less.",
                                "It costs five dollars & <more> --> less.",
                                List.of()),
                        new TimedSegment(
                                2,
                                6.0,
                                5.9,
                                "End before start\nsecond line",
                                "End before start\nsecond line",
                                List.of()),
                        new TimedSegment(3, 7.0, 7.2, "   ", "   ", List.of()),
                        new TimedSegment(4, 3723.4567, 3725.0, "After an hour.", "After an hour.", List.of())));
    }
}

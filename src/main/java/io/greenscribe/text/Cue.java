package io.greenscribe.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One subtitle cue with times already rounded to milliseconds and made safe to show.
 *
 * @param startMillis never negative
 * @param endMillis never before {@code startMillis}
 * @param lines the cue's non-blank text lines
 * @param speaker the segment's speaker, or {@code null}
 */
record Cue(long startMillis, long endMillis, List<String> lines, Integer speaker) {

    /**
     * The cues for a document: segments with text, ordered by start time (stably, so equal starts
     * keep their order), so players that expect non-decreasing start times accept the file.
     * Negative or non-finite times become 0 and an end before its start is clamped to the start,
     * because recognizers occasionally emit both at window edges.
     */
    static List<Cue> of(TranscriptDocument document) {
        List<Cue> cues = new ArrayList<>();
        for (TimedSegment segment : document.segments()) {
            List<String> lines = segment.text()
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
            if (lines.isEmpty()) {
                continue;
            }
            long start = millis(segment.start());
            cues.add(new Cue(start, Math.max(start, millis(segment.end())), lines, segment.speaker()));
        }
        cues.sort(Comparator.comparingLong(Cue::startMillis));
        return cues;
    }

    /** How a speaker is named in every format: "Speaker 1", "Speaker 2", ... */
    static String speakerName(int speaker) {
        return "Speaker " + speaker;
    }

    static long millis(double seconds) {
        return Double.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
    }

    /** {@code HH:MM:SS} then the separator then milliseconds; hours grow past two digits if needed. */
    static String timestamp(long millis, char separator) {
        return String.format(
                "%02d:%02d:%02d%c%03d",
                millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, separator, millis % 1000);
    }
}

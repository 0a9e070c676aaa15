package io.greenscribe.text;

import java.util.List;

/**
 * One timed piece of a transcript: what the writers turn into a line, a cue or a JSON object.
 *
 * @param index position of the segment in its transcript, as the producer numbered it
 * @param start seconds from the start of the audio
 * @param end seconds from the start of the audio
 * @param text the text to show: normalized when inverse text normalization is on, else the raw text
 * @param rawText the text exactly as the recognizer produced it
 * @param words word timings; empty when the recognizer gave none
 * @param language the segment's own language when it was detected per window, else {@code null}
 *     (the transcript's language then holds for every segment)
 * @param speaker who spoke it, numbered from 1, or {@code null} when the job was not diarized
 */
public record TimedSegment(
        int index,
        double start,
        double end,
        String text,
        String rawText,
        List<TimedWord> words,
        String language,
        Integer speaker) {

    public TimedSegment {
        rawText = rawText == null ? "" : rawText;
        text = text == null ? rawText : text;
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** A segment with no language of its own and no speaker. */
    public TimedSegment(int index, double start, double end, String text, String rawText, List<TimedWord> words) {
        this(index, start, end, text, rawText, words, null, null);
    }

    /** This segment attributed to {@code speaker}. */
    public TimedSegment withSpeaker(Integer who) {
        return new TimedSegment(index, start, end, text, rawText, words, language, who);
    }

    /** A segment straight from the recognizer, not yet normalized: its text is its raw text. */
    public static TimedSegment of(int index, double start, double end, String rawText, List<TimedWord> words) {
        return new TimedSegment(index, start, end, rawText, rawText, words);
    }

    /** This segment with {@code text} recomputed from {@code rawText}, so normalizing twice is harmless. */
    public TimedSegment normalizedWith(TextNormalizer normalizer) {
        return new TimedSegment(index, start, end, normalizer.normalize(rawText), rawText, words, language, speaker);
    }

    /** This segment marked as spoken in {@code code}. */
    public TimedSegment withLanguage(String code) {
        return new TimedSegment(index, start, end, text, rawText, words, code, speaker);
    }
}

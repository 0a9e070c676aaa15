package io.greenscribe.text;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A finished transcript as the writers see it, independent of the recognizer that produced it.
 *
 * @param language ISO 639-1 code of the spoken language (for example {@code en}, {@code zh})
 * @param model the recognition model that produced the text, for provenance
 * @param durationSeconds length of the audio in seconds
 * @param segments the timed segments in reading order
 */
public record TranscriptDocument(String language, String model, double durationSeconds, List<TimedSegment> segments) {

    public TranscriptDocument {
        language = language == null ? "" : language;
        model = model == null ? "" : model;
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** The shown text of every segment, trimmed and joined by single spaces (or nothing, for CJK). */
    public String fullText() {
        return join(segments.stream().map(TimedSegment::text).collect(Collectors.toList()));
    }

    /** The recognizer's text of every segment, joined as {@link #fullText()} joins. */
    public String rawFullText() {
        return join(segments.stream().map(TimedSegment::rawText).collect(Collectors.toList()));
    }

    /** This document with each segment's text normalized from its raw text. */
    public TranscriptDocument normalizedWith(TextNormalizer normalizer) {
        return new TranscriptDocument(
                language,
                model,
                durationSeconds,
                segments.stream()
                        .map(segment -> segment.normalizedWith(normalizer))
                        .toList());
    }

    private String join(List<String> texts) {
        return joined(language, texts);
    }

    /**
     * Pieces of text in {@code language} as one: stripped, empty ones left out, joined by spaces, or
     * by nothing in Chinese and Japanese, which are written without spaces between words.
     */
    public static String joined(String language, List<String> texts) {
        String separator = language != null && (language.startsWith("zh") || language.startsWith("ja")) ? "" : " ";
        return texts.stream().map(String::strip).filter(text -> !text.isEmpty()).collect(Collectors.joining(separator));
    }
}

package io.greenscribe.text;

import io.greenscribe.system.GreenScribeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a transcript can be downloaded in. */
public enum TranscriptFormat {

    /** Plain text, one segment per line. */
    TXT("txt", "text/plain"),
    /** SubRip subtitles. */
    SRT("srt", "application/x-subrip"),
    /** WebVTT subtitles. */
    VTT("vtt", "text/vtt"),
    /** The whole transcript with timings, raw text and word timings. */
    JSON("json", "application/json");

    private final String extension;
    private final String mediaType;

    TranscriptFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** File name extension without the dot, for example {@code srt}. */
    public String extension() {
        return extension;
    }

    /** Media type to send the format with; text formats are UTF-8. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The format a client named, as in {@code ?format=srt}.
     *
     * @param name a format name or file extension, in any case, with or without a leading dot;
     *     {@code webvtt} is accepted for {@link #VTT}
     * @return the format
     * @throws GreenScribeException naming the valid formats when {@code name} is none of them
     */
    public static TranscriptFormat parse(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith(".")) {
            key = key.substring(1);
        }
        if (key.equals("webvtt")) {
            return VTT;
        }
        for (TranscriptFormat format : values()) {
            if (format.extension.equals(key)) {
                return format;
            }
        }
        throw new GreenScribeException("Unknown transcript format '" + name + "'; valid formats are "
                + Arrays.stream(values()).map(TranscriptFormat::extension).collect(Collectors.joining(", ")) + ".");
    }
}

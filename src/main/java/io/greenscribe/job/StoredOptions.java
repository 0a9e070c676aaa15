package io.greenscribe.job;

import io.greenscribe.text.TranscriptFormat;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How job options are written into text columns, shared by jobs and recurring batches. */
public final class StoredOptions {

    private StoredOptions() {}

    /** One hotword per line: hotwords may contain commas. */
    public static String hotwords(List<String> hotwords) {
        return String.join("\n", hotwords);
    }

    /** Format extensions, comma-separated. */
    public static String formats(List<TranscriptFormat> formats) {
        return formats.stream().map(TranscriptFormat::extension).collect(Collectors.joining(","));
    }

    public static List<TranscriptFormat> formats(String stored) {
        return Arrays.stream(stored.split(",")).map(TranscriptFormat::parse).toList();
    }

    /** The hotwords of a {@link #hotwords(List)} column. */
    public static List<String> hotwords(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
    }
}

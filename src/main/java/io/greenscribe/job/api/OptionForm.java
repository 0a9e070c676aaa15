package io.greenscribe.job.api;

import io.greenscribe.job.JobOptions;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.text.TranscriptFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;

/** Reads job options from form fields, rejecting unknown fields and malformed values by name. */
public final class OptionForm {

    static final Set<String> OPTION_FIELDS = Set.of(
            "language",
            "model",
            "hotwords",
            "itn",
            "formats",
            "priority",
            "deadline",
            "notBefore",
            "callbackUrl",
            "interruptible",
            "audioTtl",
            "transcriptTtl",
            "task",
            "prompt",
            "wordTimestamps",
            "diarize",
            "speakers",
            "minSpeakers",
            "maxSpeakers");

    private OptionForm() {}

    static void rejectUnknown(MultiValueMap<String, String> form, Set<String> extra) {
        Set<String> unknown = new TreeSet<>(form.keySet());
        unknown.removeAll(OPTION_FIELDS);
        unknown.removeAll(extra);
        if (!unknown.isEmpty()) {
            throw new GreenScribeException("Unknown field(s) " + unknown + "; known: " + new TreeSet<>(OPTION_FIELDS)
                    + " and " + new TreeSet<>(extra) + ".");
        }
    }

    static JobOptions options(MultiValueMap<String, String> form) {
        return new JobOptions(
                blankToNull(form.getFirst("language")),
                blankToNull(form.getFirst("model")),
                list(form.get("hotwords")),
                bool("itn", form.getFirst("itn"), true),
                formats(list(form.get("formats"))),
                integer("priority", form.getFirst("priority")),
                instant("deadline", form.getFirst("deadline")),
                instant("notBefore", form.getFirst("notBefore")),
                uri(form.getFirst("callbackUrl")),
                bool("interruptible", form.getFirst("interruptible"), true),
                io.greenscribe.job.Retention.parse("audioTtl", form.getFirst("audioTtl")),
                io.greenscribe.job.Retention.parse("transcriptTtl", form.getFirst("transcriptTtl")),
                translate(form.getFirst("task")),
                form.getFirst("prompt"),
                bool("wordTimestamps", form.getFirst("wordTimestamps"), false),
                diarization(
                        bool("diarize", form.getFirst("diarize"), false),
                        count("speakers", form.getFirst("speakers")),
                        count("minSpeakers", form.getFirst("minSpeakers")),
                        count("maxSpeakers", form.getFirst("maxSpeakers"))));
    }

    /**
     * The diarization asked for, or {@code null}; speaker counts without {@code diarize} are
     * refused rather than ignored, since the client plainly expected speakers.
     */
    public static JobOptions.Diarization diarization(
            boolean diarize, Integer speakers, Integer minSpeakers, Integer maxSpeakers) {
        if (!diarize) {
            if (speakers != null || minSpeakers != null || maxSpeakers != null) {
                throw new GreenScribeException("speakers, minSpeakers and maxSpeakers need diarize=true.");
            }
            return null;
        }
        return new JobOptions.Diarization(speakers, minSpeakers, maxSpeakers);
    }

    private static Integer count(String field, String value) {
        return value == null || value.isBlank() ? null : integer(field, value);
    }

    /** {@code task}: transcribe (the default) or translate (to English, as Whisper does). */
    static boolean translate(String task) {
        if (task == null || task.isBlank()) {
            return false;
        }
        return switch (task.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "transcribe" -> false;
            case "translate" -> true;
            default -> throw new GreenScribeException("task must be transcribe or translate, not '" + task + "'.");
        };
    }

    static List<String> list(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public static List<TranscriptFormat> formats(List<String> names) {
        return names.stream().map(TranscriptFormat::parse).distinct().toList();
    }

    static boolean bool(String field, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw new GreenScribeException(field + " must be true or false, not '" + value + "'.");
        };
    }

    static int integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new GreenScribeException(field + " must be an integer, not '" + value + "'.");
        }
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new GreenScribeException(
                    field + " must be an ISO-8601 instant such as 2026-01-31T18:00:00Z, not '" + value + "'.");
        }
    }

    public static URI uri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new GreenScribeException("callbackUrl is not a URL: " + e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

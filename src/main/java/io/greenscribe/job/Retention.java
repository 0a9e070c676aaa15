package io.greenscribe.job;

import io.greenscribe.system.GreenScribeException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long a job's audio and transcript are kept after the job ends; {@code null} keeps forever
 * (or, as a job's or tenant's choice, defers to the next default: job, then tenant, then server).
 */
public record Retention(Duration audioTtl, Duration transcriptTtl) {

    /** Longest time-to-live accepted: ten years is "keep"; beyond it an instant overflows soon. */
    static final Duration LONGEST = Duration.ofDays(3650);

    public static final Retention UNSET = new Retention(null, null);

    public Retention {
        check("audioTtl", audioTtl);
        check("transcriptTtl", transcriptTtl);
    }

    /** This one's choices, the other's where this one has none. */
    Retention or(Retention fallback) {
        return new Retention(
                audioTtl != null ? audioTtl : fallback.audioTtl,
                transcriptTtl != null ? transcriptTtl : fallback.transcriptTtl);
    }

    /**
     * An ISO-8601 duration such as {@code P7D} or {@code PT12H}; blank is unset. A 400 that names
     * the field for anything else.
     */
    public static Duration parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new GreenScribeException(
                    field + " must be an ISO-8601 duration such as P7D or PT12H, not '" + value + "'.");
        }
        check(field, d);
        return d;
    }

    private static void check(String field, Duration d) {
        if (d != null && (d.isNegative() || d.compareTo(LONGEST) > 0)) {
            throw new GreenScribeException(field + " must be between PT0S and P3650D, not " + d + ".");
        }
    }

    static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    static Duration ofSeconds(Long s) {
        return s == null ? null : Duration.ofSeconds(s);
    }
}

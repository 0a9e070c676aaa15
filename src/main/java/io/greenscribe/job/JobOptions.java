package io.greenscribe.job;

import io.greenscribe.text.TranscriptFormat;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What a client asks of one job (or of every job of a batch).
 *
 * @param language ISO 639-1 code, or {@code null} to detect it
 * @param model recognition model name; {@code null} means the server's default
 * @param hotwords terms to favour (names, jargon)
 * @param itn inverse text normalization (spoken numbers, dates, money to written form)
 * @param formats formats the client intends to download; all are always available
 * @param priority higher runs first among runnable jobs
 * @param deadline latest completion the client accepts, or {@code null}
 * @param notBefore earliest start, or {@code null}
 * @param callbackUrl where to POST the signed completion notice, or {@code null}
 * @param diarization label speakers, with these counts; {@code null} for no diarization
 */
public record JobOptions(
        String language,
        String model,
        List<String> hotwords,
        boolean itn,
        List<TranscriptFormat> formats,
        int priority,
        Instant deadline,
        Instant notBefore,
        URI callbackUrl,
        Diarization diarization) {

    /**
     * Speaker diarization as asked: {@code speakers} fixes the count; otherwise it is estimated
     * within {@code minSpeakers..maxSpeakers} (each optional). Checked by {@link JobOptionsValidator}.
     */
    public record Diarization(Integer speakers, Integer minSpeakers, Integer maxSpeakers) {

        public static final Diarization ESTIMATED = new Diarization(null, null, null);
    }

    /** Options without diarization. */
    public JobOptions(
            String language,
            String model,
            List<String> hotwords,
            boolean itn,
            List<TranscriptFormat> formats,
            int priority,
            Instant deadline,
            Instant notBefore,
            URI callbackUrl) {
        this(language, model, hotwords, itn, formats, priority, deadline, notBefore, callbackUrl, null);
    }

    public boolean diarize() {
        return diarization != null;
    }

    public JobOptions {
        hotwords = hotwords == null ? List.of() : List.copyOf(hotwords);
        formats = formats == null || formats.isEmpty() ? List.of(TranscriptFormat.values()) : List.copyOf(formats);
    }

    public static JobOptions defaults() {
        return new JobOptions(null, null, List.of(), true, List.of(), 0, null, null, null);
    }
}

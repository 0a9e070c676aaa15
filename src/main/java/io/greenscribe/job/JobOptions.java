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
 * @param interruptible with a deadline, it may pause between windows and run in the greenest
 *     pieces of time (the default); {@code false} keeps it to one run
 * @param audioTtl how long the uploaded audio is kept after the job ends, or {@code null} for the
 *     tenant's (else the server's) default
 * @param transcriptTtl how long the transcript is kept after the job ends, or {@code null} for the
 *     tenant's (else the server's) default
 * @param translate Whisper's translate task (the text comes back in English) instead of transcribe
 * @param prompt initial prompt: text the recognizer reads as what came before (style, spellings),
 *     not split into hotwords; only its last 223 tokens are kept, as Whisper keeps them
 * @param wordTimestamps time every word (one more decoder pass per window)
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
        boolean interruptible,
        java.time.Duration audioTtl,
        java.time.Duration transcriptTtl,
        boolean translate,
        String prompt,
        boolean wordTimestamps,
        Diarization diarization) {

    /** {@code language} value: detect the language on every window and report it per segment. */
    public static final String AUTO_PER_WINDOW = "auto-per-window";

    /**
     * Speaker diarization as asked: {@code speakers} fixes the count; otherwise it is estimated
     * within {@code minSpeakers..maxSpeakers} (each optional). Checked by {@link JobOptionsValidator}.
     */
    public record Diarization(Integer speakers, Integer minSpeakers, Integer maxSpeakers) {

        public static final Diarization ESTIMATED = new Diarization(null, null, null);
    }

    public boolean diarize() {
        return diarization != null;
    }

    public JobOptions {
        new Retention(audioTtl, transcriptTtl); // the same range checks as a tenant's defaults
        hotwords = hotwords == null ? List.of() : List.copyOf(hotwords);
        formats = formats == null || formats.isEmpty() ? List.of(TranscriptFormat.values()) : List.copyOf(formats);
        prompt = prompt == null || prompt.isBlank() ? null : prompt;
    }

    /**
     * Options with the defaults for the rest: interruptible, the default retention, transcribe, no
     * prompt, no word timestamps, no diarization.
     */
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
        this(
                language,
                model,
                hotwords,
                itn,
                formats,
                priority,
                deadline,
                notBefore,
                callbackUrl,
                true,
                null,
                null,
                false,
                null,
                false,
                null);
    }

    /** These options with speaker diarization as asked ({@code null}: none). */
    public JobOptions withDiarization(Diarization asked) {
        return new JobOptions(
                language,
                model,
                hotwords,
                itn,
                formats,
                priority,
                deadline,
                notBefore,
                callbackUrl,
                interruptible,
                audioTtl,
                transcriptTtl,
                translate,
                prompt,
                wordTimestamps,
                asked);
    }

    /** Whether the language is detected on every window and reported per segment. */
    public boolean languagePerWindow() {
        return AUTO_PER_WINDOW.equals(language);
    }

    public static JobOptions defaults() {
        return new JobOptions(null, null, List.of(), true, List.of(), 0, null, null, null);
    }
}

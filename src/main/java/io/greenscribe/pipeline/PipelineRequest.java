package io.greenscribe.pipeline;

import io.greenscribe.diarization.SpeakerLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * One transcription to run (or resume).
 *
 * @param jobId the job; identifies the Spring Batch job instance, so running it again resumes
 * @param tenantId owner of the transcript row
 * @param audio the audio file
 * @param model recognition model name
 * @param language ISO code, or {@code null} to detect
 * @param hotwords terms to favour
 * @param itn whether to apply inverse text normalization
 * @param workerId who runs it, recorded on each window it recognizes
 * @param decoding what the recognizer is asked beyond language and hotwords
 * @param speakers diarize with these speaker counts, or {@code null} not to diarize
 */
public record PipelineRequest(
        UUID jobId,
        UUID tenantId,
        Path audio,
        String model,
        String language,
        List<String> hotwords,
        boolean itn,
        String workerId,
        Decoding decoding,
        SpeakerLimits speakers) {

    public PipelineRequest {
        hotwords = hotwords == null ? List.of() : List.copyOf(hotwords);
        decoding = decoding == null ? Decoding.DEFAULT : decoding;
    }

    /**
     * @param translate Whisper's translate task: the text comes back in English
     * @param prompt initial prompt (previous-text context), or {@code null}
     * @param wordTimestamps align every word to the audio
     * @param languagePerWindow detect the language on every window (which then holds one stretch
     *     of speech, not several joined) and keep it on each segment
     */
    public record Decoding(boolean translate, String prompt, boolean wordTimestamps, boolean languagePerWindow) {

        public static final Decoding DEFAULT = new Decoding(false, null, false, false);
    }

    /** A request with the default decoding and without diarization. */
    public PipelineRequest(
            UUID jobId,
            UUID tenantId,
            Path audio,
            String model,
            String language,
            List<String> hotwords,
            boolean itn,
            String workerId) {
        this(jobId, tenantId, audio, model, language, hotwords, itn, workerId, Decoding.DEFAULT, null);
    }

    public boolean diarize() {
        return speakers != null;
    }
}

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
        SpeakerLimits speakers) {

    public PipelineRequest {
        hotwords = hotwords == null ? List.of() : List.copyOf(hotwords);
    }

    /** A request without diarization. */
    public PipelineRequest(
            UUID jobId,
            UUID tenantId,
            Path audio,
            String model,
            String language,
            List<String> hotwords,
            boolean itn,
            String workerId) {
        this(jobId, tenantId, audio, model, language, hotwords, itn, workerId, null);
    }

    public boolean diarize() {
        return speakers != null;
    }
}

package io.greenscribe.pipeline;

import io.greenscribe.diarization.SpeakerLimits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Spring Batch job parameters of one transcription. Only {@code jobId} identifies the job
 * instance, so starting the same job again resumes it instead of starting over.
 */
final class JobParams {

    static final String JOB_ID = "jobId";
    private static final String TRANSLATE = "translate";
    private static final String PROMPT = "prompt";
    private static final String WORD_TIMESTAMPS = "wordTimestamps";
    private static final String LANGUAGE_PER_WINDOW = "languagePerWindow";

    private JobParams() {}

    static JobParameters of(PipelineRequest r) {
        return new JobParametersBuilder()
                .addString(JOB_ID, r.jobId().toString(), true)
                .addString("tenantId", r.tenantId().toString(), false)
                .addString("audio", r.audio().toString(), false)
                .addString("model", r.model(), false)
                .addString("language", r.language() == null ? "" : r.language(), false)
                .addString("hotwords", String.join("\n", r.hotwords()), false)
                .addString("itn", Boolean.toString(r.itn()), false)
                .addString("worker", r.workerId() == null ? "" : r.workerId(), false)
                .addJobParameter(TRANSLATE, r.decoding().translate(), Boolean.class, false)
                .addString(
                        PROMPT,
                        r.decoding().prompt() == null ? "" : r.decoding().prompt(),
                        false)
                .addJobParameter(WORD_TIMESTAMPS, r.decoding().wordTimestamps(), Boolean.class, false)
                .addJobParameter(LANGUAGE_PER_WINDOW, r.decoding().languagePerWindow(), Boolean.class, false)
                .addString(
                        "speakers",
                        r.speakers() == null
                                ? ""
                                : r.speakers().min() + ".." + r.speakers().max(),
                        false)
                .toJobParameters();
    }

    static PipelineRequest request(JobParameters p) {
        String language = p.getString("language");
        String hotwords = p.getString("hotwords");
        String prompt = p.getString(PROMPT);
        String speakers = p.getString("speakers");
        return new PipelineRequest(
                UUID.fromString(p.getString(JOB_ID)),
                UUID.fromString(p.getString("tenantId")),
                Path.of(p.getString("audio")),
                p.getString("model"),
                language == null || language.isEmpty() ? null : language,
                hotwords == null || hotwords.isEmpty() ? List.of() : Arrays.asList(hotwords.split("\n")),
                Boolean.parseBoolean(p.getString("itn")),
                p.getString("worker"),
                new PipelineRequest.Decoding(
                        flag(p, TRANSLATE),
                        prompt == null || prompt.isEmpty() ? null : prompt,
                        flag(p, WORD_TIMESTAMPS),
                        flag(p, LANGUAGE_PER_WINDOW)),
                speakers == null || speakers.isEmpty() ? null : limits(speakers));
    }

    /** A typed Boolean parameter; absent (an execution started before it existed) is false. */
    private static boolean flag(JobParameters p, String name) {
        var parameter = p.getParameter(name);
        return parameter != null && Boolean.TRUE.equals(parameter.value());
    }

    private static SpeakerLimits limits(String range) {
        String[] bounds = range.split("\\.\\.");
        return new SpeakerLimits(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
    }
}

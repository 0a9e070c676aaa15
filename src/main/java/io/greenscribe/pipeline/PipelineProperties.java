package io.greenscribe.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the transcription pipeline runs on this instance.
 *
 * @param modelsDirectory where model folders live (prepared by {@code models/fetch.py})
 * @param defaultModel model used when a job names none
 * @param device {@code auto}, {@code cpu}, {@code cuda:N} or {@code mps}
 * @param batchSize windows the recognizer decodes together
 * @param modelIdleTimeout a model unused this long is unloaded from the device
 * @param gridSize partitions the recognize step splits a job's windows into (run in parallel); their
 *     windows are pooled into shared recognizer batches, so it should be at least {@code batchSize}
 * @param windowsPerCommit windows recognized per transaction; 1 commits every window on its own
 * @param vad voice activity detector that decides the windows: {@code silero}, {@code energy}, or
 *     {@code none} (the whole audio, cut at quiet moments)
 * @param maxWindowSeconds longest window handed to the recognizer (Whisper reads 30 s)
 * @param workDirectory decoded PCM between steps, one file per running job
 */
@ConfigurationProperties("greenscribe.pipeline")
public record PipelineProperties(
        @DefaultValue("models") Path modelsDirectory,
        @DefaultValue("whisper-tiny.en") String defaultModel,
        @DefaultValue("auto") String device,
        @DefaultValue("8") int batchSize,
        @DefaultValue("10m") Duration modelIdleTimeout,
        @DefaultValue("8") int gridSize,
        @DefaultValue("1") int windowsPerCommit,
        @DefaultValue("silero") String vad,
        @DefaultValue("30") int maxWindowSeconds,
        @DefaultValue("data/work") Path workDirectory) {}

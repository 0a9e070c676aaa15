package io.greenscribe.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job as clients see it.
 *
 * @param id the job
 * @param status lifecycle state
 * @param batchId the batch it belongs to, or {@code null}
 * @param progress windows recognized out of windows planned
 * @param audio the input and its measured durations
 * @param options what was asked for
 * @param model model that ran (or will run) it
 * @param device device it ran on, once it ran
 * @param language language of the transcript, once known
 * @param scheduling when it may run and why
 * @param timings lifecycle instants
 * @param carbon energy and emissions, when measured
 * @param attempts how many times a worker claimed it
 * @param error why it failed, in words for the user
 */
public record JobView(
        UUID id, JobStatus status, UUID batchId, Progress progress, Audio audio, Options options, String model,
        String device, String language, Scheduling scheduling, Timings timings, Carbon carbon, int attempts,
        String error) {

    /** @param windowsDone recognized windows; @param windowsTotal planned windows (0 until speech detection ran) */
    public record Progress(int windowsDone, int windowsTotal) {}

    /** @param name file name; @param bytes size; @param durationSeconds decoded length; @param speechSeconds length recognized */
    public record Audio(String name, long bytes, Double durationSeconds, Double speechSeconds) {}

    /** The options as stored. */
    public record Options(String language, List<String> hotwords, boolean itn, List<String> formats, int priority,
            String callbackUrl) {}

    /** @param runAt earliest start; @param reason machine-readable reason; @param detail sentence; @param expectedIntensity gCO2e/kWh */
    public record Scheduling(Instant deadline, Instant notBefore, Instant runAt, String reason, String detail,
            Double expectedIntensity) {}

    /** Lifecycle instants and the run time in seconds. */
    public record Timings(Instant createdAt, Instant queuedAt, Instant startedAt, Instant finishedAt, Double runSeconds) {}

    /** @param energyWh energy used; @param gco2e emissions; @param counterfactualGco2e emissions had it run at once */
    public record Carbon(Double energyWh, Double gco2e, Double counterfactualGco2e) {}
}

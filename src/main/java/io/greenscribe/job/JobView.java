package io.greenscribe.job;

import io.greenscribe.scheduling.RunPiece;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job as clients see it.
 *
 * @param id the job
 * @param status lifecycle state
 * @param batchId the batch it belongs to, or {@code null}
 * @param progress the run's stage, windows recognized out of windows planned, and the ETA
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
 * @param webhook delivery of the completion notice, or {@code null} when the job has no callback URL
 * @param retention how long its audio and transcript are kept, and when they expire or were deleted
 */
public record JobView(
        UUID id,
        JobStatus status,
        UUID batchId,
        Progress progress,
        Audio audio,
        Options options,
        String model,
        String device,
        String language,
        Scheduling scheduling,
        Timings timings,
        Carbon carbon,
        int attempts,
        String error,
        Webhook webhook,
        Retention retention) {

    /**
     * @param state PENDING (not sent yet), DELIVERED, RETRYING, GAVE_UP or REFUSED (the egress policy)
     * @param attempts every try so far, oldest first; a manual redelivery adds more
     */
    public record Webhook(String state, List<io.greenscribe.webhook.DeliveryAttempt> attempts) {}

    /**
     * One planned VAD window of the job, for the timeline.
     *
     * @param start seconds into the audio; @param end seconds; @param state PENDING, RUNNING or DONE
     */
    public record Window(int index, double start, double end, String state) {}

    /** Where a run is: {@code DECODING, VAD, WINDOWS, ASSEMBLY} while it runs, {@code DONE} once it succeeded. */
    public enum Stage {
        DECODING,
        VAD,
        WINDOWS,
        ASSEMBLY,
        DONE
    }

    /**
     * @param stage the stage the run is in (a failed, cancelled or handed-back job: where it stopped);
     *     {@code null} before its first run
     * @param windowsDone recognized windows, counted as each commits
     * @param windowsRunning windows handed to the recognizer and not committed yet (one batch finishes together)
     * @param windowsTotal planned windows (0 until speech detection ran)
     * @param audioSeconds the decoded length, known as soon as decoding ended
     * @param eta when the run should end, while it runs and once decoding ended; else {@code null}
     * @param speed audio seconds per wall second the ETA assumes
     * @param speedJobs how many finished jobs on this device and model the speed was learned from;
     *     0 means the default ({@code greenscribe.progress.default-speed})
     */
    public record Progress(
            Stage stage,
            int windowsDone,
            int windowsRunning,
            int windowsTotal,
            Double audioSeconds,
            Instant eta,
            Double speed,
            int speedJobs) {}

    /**
     * Retention, as Azure batch transcription's timeToLive: fixed at submission from the job's
     * options, else its tenant's default, else the server's; the clock starts when the job ends.
     *
     * @param audioTtl ISO-8601, or {@code null}: the audio is kept (audio named by a server path is never deleted)
     * @param transcriptTtl ISO-8601, or {@code null}: the transcript is kept until it is deleted
     * @param audioExpiresAt when the audio will be deleted, once the job ended
     * @param audioDeletedAt when it was deleted
     * @param transcriptExpiresAt when the transcript will be deleted, once the job ended
     * @param transcriptDeletedAt when it was deleted; its downloads then answer 410 Gone
     */
    public record Retention(
            java.time.Duration audioTtl,
            java.time.Duration transcriptTtl,
            Instant audioExpiresAt,
            Instant audioDeletedAt,
            Instant transcriptExpiresAt,
            Instant transcriptDeletedAt) {}

    /**
     * @param name file name; @param bytes size; @param durationSeconds decoded length; @param speechSeconds length recognized
     * @param warning a sentence when the file was not read whole ("decoded 4.2 s; the container declares 10.5 s"), else null
     */
    public record Audio(String name, long bytes, Double durationSeconds, Double speechSeconds, String warning) {}

    /**
     * The options as stored; {@code task} is transcribe or translate; {@code diarize} with the
     * speaker counts asked for (null: estimated).
     */
    public record Options(
            String language,
            List<String> hotwords,
            boolean itn,
            List<String> formats,
            int priority,
            String callbackUrl,
            String task,
            String prompt,
            boolean wordTimestamps,

            boolean diarize,
            Integer speakers,
            Integer minSpeakers,
            Integer maxSpeakers) {

        /** Options without diarization. */
        public Options(
                String language,
                List<String> hotwords,
                boolean itn,
                List<String> formats,
                int priority,
                String callbackUrl) {
            this(
                    language,
                    hotwords,
                    itn,
                    formats,
                    priority,
                    callbackUrl,
                    "transcribe",
                    null,
                    false,
                    false,
                    null,
                    null,
                    null);
        }
    }

    /**
     * @param runAt earliest start; @param reason machine-readable reason; @param detail sentence
     * @param expectedIntensity forecast gCO2e/kWh over the run as planned
     * @param baselineIntensity forecast gCO2e/kWh had it started as early as it could
     * @param expectedSavingPct the forecast saving of the planned start against that, in %
     * @param interruptible it may pause between windows and run in the planned stretches
     * @param pieces the stretches it is planned to run in (empty: one run from {@code runAt})
     * @param paused it ran, stopped at a window boundary when its stretch ended, and waits for
     *     {@code runAt}, the start of its next one, with its finished windows kept
     */
    public record Scheduling(
            Instant deadline,
            Instant notBefore,
            Instant runAt,
            Reason reason,
            String detail,
            Double expectedIntensity,
            Double baselineIntensity,
            Double expectedSavingPct,
            boolean interruptible,
            List<RunPiece> pieces,
            boolean paused) {}

    /** Lifecycle instants and the run time in seconds. */
    public record Timings(
            Instant createdAt, Instant queuedAt, Instant startedAt, Instant finishedAt, Double runSeconds) {}

    /**
     * Energy and emissions of the job's last run; {@code null} figures are unknown and {@code note}
     * says why. See docs/energy-accounting.md.
     *
     * @param energyWh energy attributed to the job, Wh
     * @param energyMethod how it was obtained: RAPL, NVML, POWER_MODEL, CPU_TIME_ESTIMATE or COMBINED
     * @param energyDetail what the meter measured with its coefficients named, how the job's share was
     *     attributed, and the embodied formula
     * @param intensityAtRun mean grid intensity over the run, gCO2e/kWh
     * @param signalType AVERAGE or MARGINAL, for every intensity and emission here
     * @param intensitySource the carbon feed that gave the intensities
     * @param gco2e emissions of the run: energy × intensity at run
     * @param intensityAtSubmission mean intensity over a run of the same length from submission, gCO2e/kWh
     * @param counterfactualGco2e emissions had it run at submission: energy × intensity at submission
     * @param savingGco2e counterfactual minus actual; negative when the run was dirtier
     * @param savingPct the saving as a percentage of the counterfactual
     * @param sciGco2ePerAudioHour Green Software Foundation SCI per audio hour: (E × I + M) ÷ audio hours
     * @param note why a figure is missing, or {@code null}
     * @param energyCpuWh the CPU's part of {@code energyWh}
     * @param energyMemoryWh the memory's part
     * @param energyGpuWh the GPU's part
     * @param embodiedGco2e the hardware's embodied emissions apportioned to the run (SCI's M); not in {@code gco2e}
     * @param modelToCounter the power model's estimate over the counter's reading, where a counter was read
     */
    public record Carbon(
            Double energyWh,
            String energyMethod,
            String energyDetail,
            Double intensityAtRun,
            String signalType,
            String intensitySource,
            Double gco2e,
            Double intensityAtSubmission,
            Double counterfactualGco2e,
            Double savingGco2e,
            Double savingPct,
            Double sciGco2ePerAudioHour,
            String note,
            Double energyCpuWh,
            Double energyMemoryWh,
            Double energyGpuWh,
            Double embodiedGco2e,
            Double modelToCounter) {}
}

package io.greenscribe.job;

import io.greenscribe.pipeline.RunProgress;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.webhook.DeliveryAttempt;
import io.greenscribe.webhook.DeliveryLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Maps the aggregate to {@link JobView}, adding the run's live progress from the pipeline (its
 * stage, the audio length once decoded, the device, the windows) and the ETA.
 */
@RequiredArgsConstructor
class JobViews {

    private final TranscriptionPipeline pipeline;
    private final DeliveryLog deliveries;
    private final LearnedSpeeds speeds;
    private final Clock clock;

    JobView of(TranscriptionJob j) {
        RunProgress p = pipeline.progress(j.id);
        Double audioSeconds = j.audioSeconds != null ? j.audioSeconds : p.audioSeconds();
        String device = j.device != null ? j.device : p.device();
        Double run = j.startedAt != null && j.finishedAt != null
                ? Duration.between(j.startedAt, j.finishedAt).toMillis() / 1000.0
                : null;
        return new JobView(
                j.id,
                j.status,
                j.batchId,
                progress(j, p, audioSeconds, device),
                new JobView.Audio(j.audioName, j.audioBytes, audioSeconds, speechSeconds(j, p), j.warning),
                new JobView.Options(
                        j.language,
                        StoredOptions.hotwords(j.hotwords),
                        j.itn,
                        Arrays.asList(j.formats.split(",")),
                        j.priority,
                        j.callbackUrl,
                        j.task,
                        j.prompt,
                        j.wordTimestamps,
                        j.diarize,
                        j.speakers,
                        j.minSpeakers,
                        j.maxSpeakers),
                j.model,
                device,
                j.languageDetected,
                new JobView.Scheduling(
                        j.deadline,
                        j.notBefore,
                        j.runAt,
                        j.schedulingReason,
                        j.schedulingDetail,
                        j.expectedIntensity,
                        j.baselineIntensity,
                        j.expectedSavingPct,
                        j.interruptible,
                        j.runPieces.stream().map(StoredPiece::piece).toList(),
                        j.status == JobStatus.WAITING_FOR_WINDOW && j.startedAt != null),
                new JobView.Timings(j.createdAt, j.queuedAt, j.startedAt, j.finishedAt, run),
                carbon(j),
                j.attempts,
                j.error,
                webhook(j),
                new JobView.Retention(
                        Retention.ofSeconds(j.audioTtlSeconds),
                        Retention.ofSeconds(j.transcriptTtlSeconds),
                        j.audioExpiresAt,
                        j.audioDeletedAt,
                        j.transcriptExpiresAt,
                        j.transcriptDeletedAt));
    }

    private JobView.Progress progress(TranscriptionJob j, RunProgress p, Double audioSeconds, String device) {
        JobView.Stage stage = j.status == JobStatus.SUCCEEDED
                ? JobView.Stage.DONE
                : p.stage() == null ? null : JobView.Stage.valueOf(p.stage().name());
        Instant eta = null;
        LearnedSpeeds.Speed speed = null;
        if (j.status == JobStatus.RUNNING) {
            speed = speeds.of(device, j.model);
            double done = p.stage() == io.greenscribe.pipeline.RunStage.ASSEMBLY ? 1 : p.speechFractionDone();
            eta = Eta.estimate(clock.instant(), p.runStartedAt(), audioSeconds, speed.audioSecondsPerSecond(), done);
        }
        return new JobView.Progress(
                stage,
                p.windowsDone(),
                p.windowsRunning(),
                p.windowsTotal(),
                audioSeconds,
                eta,
                speed == null ? null : speed.audioSecondsPerSecond(),
                speed == null ? 0 : speed.jobs());
    }

    /** The stored figure once the job ended; while it runs, the planned windows' speech. */
    private static Double speechSeconds(TranscriptionJob j, RunProgress p) {
        if (j.speechSeconds != null || p.windows().isEmpty()) {
            return j.speechSeconds;
        }
        return p.windows().stream()
                .mapToDouble(RunProgress.PlannedWindow::speechSeconds)
                .sum();
    }

    private JobView.Webhook webhook(TranscriptionJob j) {
        if (j.callbackUrl == null) {
            return null;
        }
        List<DeliveryAttempt> attempts = deliveries.attempts(j.id);
        String state = attempts.isEmpty()
                ? "PENDING"
                : switch (attempts.get(attempts.size() - 1).outcome()) {
                    case DELIVERED -> "DELIVERED";
                    case FAILED -> "RETRYING";
                    case GAVE_UP -> "GAVE_UP";
                    case REFUSED -> "REFUSED";
                };
        return new JobView.Webhook(state, attempts);
    }

    private static JobView.Carbon carbon(TranscriptionJob j) {
        Double pct = j.savingGco2e != null && j.counterfactualGco2e != null && j.counterfactualGco2e > 0
                ? j.savingGco2e / j.counterfactualGco2e * 100
                : null;
        return new JobView.Carbon(
                j.energyWh,
                j.energyMethod,
                j.energyDetail,
                j.intensityAtRun,
                j.intensitySignal,
                j.intensitySource,
                j.gco2e,
                j.intensityAtSubmission,
                j.counterfactualGco2e,
                j.savingGco2e,
                pct,
                j.sciGPerAudioHour,
                j.carbonNote,
                j.energyCpuWh,
                j.energyMemoryWh,
                j.energyGpuWh,
                j.embodiedGco2e,
                j.energyModelToCounter);
    }
}

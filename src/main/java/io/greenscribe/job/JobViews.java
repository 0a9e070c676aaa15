package io.greenscribe.job;

import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.pipeline.WindowProgress;
import io.greenscribe.webhook.DeliveryAttempt;
import io.greenscribe.webhook.DeliveryLog;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Maps the aggregate to {@link JobView}, adding live window progress from the pipeline. */
class JobViews {

    private final TranscriptionPipeline pipeline;
    private final DeliveryLog deliveries;

    JobViews(TranscriptionPipeline pipeline, DeliveryLog deliveries) {
        this.pipeline = pipeline;
        this.deliveries = deliveries;
    }

    JobView of(TranscriptionJob j) {
        WindowProgress p = pipeline.progress(j.id);
        Double run = j.startedAt != null && j.finishedAt != null
                ? Duration.between(j.startedAt, j.finishedAt).toMillis() / 1000.0
                : null;
        return new JobView(
                j.id,
                j.status,
                j.batchId,
                new JobView.Progress(p.done(), p.total()),
                new JobView.Audio(j.audioName, j.audioBytes, j.audioSeconds, j.speechSeconds, j.warning),
                new JobView.Options(
                        j.language,
                        StoredOptions.hotwords(j.hotwords),
                        j.itn,
                        Arrays.asList(j.formats.split(",")),
                        j.priority,
                        j.callbackUrl,
                        j.diarize,
                        j.speakers,
                        j.minSpeakers,
                        j.maxSpeakers),
                j.model,
                j.device,
                j.languageDetected,
                new JobView.Scheduling(
                        j.deadline,
                        j.notBefore,
                        j.runAt,
                        j.schedulingReason,
                        j.schedulingDetail,
                        j.expectedIntensity,
                        j.baselineIntensity,
                        j.expectedSavingPct),
                new JobView.Timings(j.createdAt, j.queuedAt, j.startedAt, j.finishedAt, run),
                carbon(j),
                j.attempts,
                j.error,
                webhook(j));
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

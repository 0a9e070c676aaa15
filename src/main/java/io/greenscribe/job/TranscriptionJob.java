package io.greenscribe.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * The job aggregate. The queue moves QUEUED ↔ RUNNING with native SQL (and bumps {@code version}),
 * so every change made here is checked against concurrent claims by optimistic locking.
 */
@Entity
@Table(name = "transcription_job")
@DynamicUpdate
class TranscriptionJob {

    @Id
    UUID id;
    UUID tenantId;
    UUID batchId;
    @Enumerated(EnumType.STRING)
    JobStatus status;
    @Version
    long version;
    int priority;
    String idempotencyKey;

    String audioPath;
    String audioName;
    long audioBytes;
    boolean audioOwned;
    String language;
    String model;
    String hotwords;
    boolean itn;
    String formats;
    String callbackUrl;

    Instant deadline;
    Instant notBefore;
    Instant runAt;
    String schedulingReason;
    String schedulingDetail;
    Double expectedIntensity;
    Double baselineIntensity;
    Double expectedSavingPct;

    String workerId;
    Instant leaseUntil;
    Instant heartbeatAt;
    int attempts;

    Double audioSeconds;
    Double speechSeconds;
    Integer windowsTotal;
    String device;
    @Column(name = "language_detected")
    String languageDetected;
    String error;
    Double energyWh;
    String energyMethod;
    String energyDetail;
    Double intensityAtRun;
    Double intensityAtSubmission;
    String intensitySignal;
    String intensitySource;
    Double gco2e;
    Double counterfactualGco2e;
    Double savingGco2e;
    @Column(name = "sci_g_per_audio_hour")
    Double sciGPerAudioHour;
    String carbonNote;
    Double energyCpuWh;
    Double energyMemoryWh;
    Double energyGpuWh;
    Double embodiedGco2e;
    Double energyModelToCounter;

    Instant createdAt;
    Instant queuedAt;
    Instant startedAt;
    Instant finishedAt;

    protected TranscriptionJob() {}

    TranscriptionJob(UUID id, UUID tenantId, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.createdAt = createdAt;
        this.status = JobStatus.SUBMITTED;
    }

    void schedule(JobScheduling.Decision decision, Instant now) {
        runAt = decision.runAt();
        schedulingReason = decision.reason();
        schedulingDetail = decision.detail();
        expectedIntensity = decision.expectedIntensity();
        baselineIntensity = decision.baselineIntensity();
        expectedSavingPct = decision.expectedSavingPct();
        if (decision.runAt().isAfter(now)) {
            status = status.moveTo(JobStatus.WAITING_FOR_WINDOW);
        } else {
            status = status.moveTo(JobStatus.QUEUED);
            queuedAt = now;
        }
    }

    /** The figures of the run that just ended replace any earlier run's (see docs/energy-accounting.md). */
    void account(JobCarbon c) {
        energyWh = c.energyWh();
        energyMethod = c.energyMethod() == null ? null : c.energyMethod().name();
        energyDetail = c.energyDetail();
        intensityAtRun = c.intensityAtRun();
        intensityAtSubmission = c.intensityAtSubmission();
        intensitySignal = c.signalType() == null ? null : c.signalType().name();
        intensitySource = c.intensitySource();
        gco2e = c.gco2e();
        counterfactualGco2e = c.counterfactualGco2e();
        savingGco2e = c.savingGco2e();
        sciGPerAudioHour = c.sciGPerAudioHour();
        carbonNote = c.note();
        energyCpuWh = c.parts().cpuWh();
        energyMemoryWh = c.parts().memoryWh();
        energyGpuWh = c.parts().gpuWh();
        embodiedGco2e = c.parts().embodiedGco2e();
        energyModelToCounter = c.parts().modelToCounter();
    }

    void succeed(Instant now) {
        status = status.moveTo(JobStatus.SUCCEEDED);
        finish(now);
    }

    void fail(String reason, Instant now) {
        status = status.moveTo(JobStatus.FAILED);
        error = reason;
        finish(now);
    }

    void cancel(Instant now) {
        status = status.moveTo(JobStatus.CANCELLED);
        finish(now);
    }

    void retry(Instant now) {
        status = status.moveTo(JobStatus.QUEUED);
        error = null;
        attempts = 0; // a person asked for a fresh start: the give-up counter starts again
        finishedAt = null;
        runAt = now;
        queuedAt = now;
    }

    /** A person overrides carbon-aware waiting: a waiting job is queued at once. */
    void runNow(Instant now) {
        if (status == JobStatus.WAITING_FOR_WINDOW || status == JobStatus.SUBMITTED) {
            status = status.moveTo(JobStatus.QUEUED);
            runAt = now;
            queuedAt = now;
            schedulingReason = "run-now-requested";
            schedulingDetail = "Run now was requested; carbon-aware waiting was skipped.";
        } else if (status.isFinished()) {
            throw new io.greenscribe.system.ConflictException("Job " + id + " already " + status + "; it cannot be run now.");
        }
    }

    void changePriority(int newPriority) {
        if (status.isFinished()) {
            throw new io.greenscribe.system.ConflictException("Job " + id + " already " + status + "; its priority is final.");
        }
        priority = newPriority;
    }

    private void finish(Instant now) {
        finishedAt = now;
        workerId = null;
        leaseUntil = null;
    }
}

package io.greenscribe.job;

import io.greenscribe.scheduling.SchedulingDecision;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/**
 * The job aggregate. The queue moves QUEUED ↔ RUNNING with native SQL (and bumps {@code version}),
 * so every change made here is checked against concurrent claims by optimistic locking. The job
 * room's mappers read the fields; only this class writes them, through the methods below
 * ({@code ArchitectureTests} fails on a write from anywhere else).
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
    boolean diarize;
    Integer speakers;
    Integer minSpeakers;
    Integer maxSpeakers;
    String formats;
    String callbackUrl;
    String task;
    String prompt;
    boolean wordTimestamps;

    Instant deadline;
    Instant notBefore;
    Instant runAt;
    boolean interruptible = true;

    /**
     * The stretches an interruptible job is planned to run in; empty for one run from {@code runAt}.
     * Eager, by batched selects: the views are built after the transaction, and a page of jobs reads
     * its pieces in one query.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "job_run_piece", joinColumns = @JoinColumn(name = "job_id"))
    @OrderBy("startsAt")
    @BatchSize(size = 200)
    List<StoredPiece> runPieces = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    Reason schedulingReason;

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
    String warning;
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

    /** Time-to-live after the job ends, fixed at submission; null keeps forever. */
    Long audioTtlSeconds;

    Long transcriptTtlSeconds;
    Instant audioExpiresAt;
    Instant audioDeletedAt;
    Instant transcriptExpiresAt;
    Instant transcriptDeletedAt;

    Instant createdAt;
    Instant queuedAt;
    Instant startedAt;
    Instant finishedAt;

    /** Moves since the last save; the save publishes them to the event log in its transaction. */
    @Transient
    private final List<JobEvents.Moved> moves = new ArrayList<>();

    protected TranscriptionJob() {}

    TranscriptionJob(UUID id, UUID tenantId, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.createdAt = createdAt;
        this.status = JobStatus.SUBMITTED;
        moves.add(new JobEvents.Moved(
                id, new JobEvent(createdAt, JobEvent.SUBMIT, null, JobStatus.SUBMITTED, 0, null, "submitted", null)));
    }

    void schedule(SchedulingDecision decision, Instant now) {
        runAt = decision.runAt();
        runPieces.clear();
        decision.pieces().forEach(p -> runPieces.add(new StoredPiece(p)));
        schedulingReason = decision.reason();
        schedulingDetail = decision.detail();
        expectedIntensity = decision.expectedIntensityOrNull();
        baselineIntensity = decision.baselineIntensityOrNull();
        expectedSavingPct = decision.expectedSavingPctOrNull();
        if (decision.runAt().isAfter(now)) {
            move(JobTransition.WAIT_FOR_WINDOW, now, schedulingReason.name(), schedulingDetail);
        } else {
            move(JobTransition.ENQUEUE, now, schedulingReason.name(), schedulingDetail);
            queuedAt = now;
        }
    }

    /** A new job as submitted: its audio and options, not yet scheduled. */
    static TranscriptionJob submitted(
            UUID id,
            UUID tenantId,
            UUID batchId,
            AudioInputs.StoredAudio audio,
            JobOptions options,
            String model,
            String idempotencyKey,
            Retention retention,
            Instant now) {
        TranscriptionJob job = new TranscriptionJob(id, tenantId, now);
        // audio named by a server path is the server's, not ours: it is never deleted, so it has no TTL
        job.audioTtlSeconds = audio.owned() ? Retention.seconds(retention.audioTtl()) : null;
        job.transcriptTtlSeconds = Retention.seconds(retention.transcriptTtl());
        job.batchId = batchId;
        job.idempotencyKey = idempotencyKey;
        job.audioPath = audio.path().toString();
        job.audioName = audio.name();
        job.audioBytes = audio.bytes();
        job.audioOwned = audio.owned();
        job.language = options.language();
        job.model = model;
        job.hotwords = StoredOptions.hotwords(options.hotwords());
        job.itn = options.itn();
        job.diarize = options.diarize();
        if (options.diarize()) {
            job.speakers = options.diarization().speakers();
            job.minSpeakers = options.diarization().minSpeakers();
            job.maxSpeakers = options.diarization().maxSpeakers();
        }
        job.formats = StoredOptions.formats(options.formats());
        job.priority = options.priority();
        job.deadline = options.deadline();
        job.notBefore = options.notBefore();
        job.interruptible = options.interruptible();
        job.callbackUrl =
                options.callbackUrl() == null ? null : options.callbackUrl().toString();
        job.task = options.translate() ? "translate" : "transcribe";
        job.prompt = options.prompt();
        job.wordTimestamps = options.wordTimestamps();
        return job;
    }

    /** Whether {@code workerId} holds the live claim on this job. */
    boolean heldBy(String workerId) {
        return status == JobStatus.RUNNING && workerId.equals(this.workerId);
    }

    /** What the run that just ended found and used; its figures replace any earlier run's. */
    void recordRun(io.greenscribe.pipeline.PipelineResult result, JobCarbon carbon) {
        audioSeconds = result.audioSeconds();
        speechSeconds = result.speechSeconds();
        windowsTotal = result.windows();
        device = result.device();
        languageDetected = result.language();
        warning = result.warning();
        account(carbon);
    }

    /** The figures of the run that just ended replace any earlier run's (see docs/energy-accounting.md). */
    private void account(JobCarbon c) {
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
        move(JobTransition.SUCCEED, now, "succeeded", null);
        finish(now);
    }

    void fail(String reason, Instant now) {
        move(JobTransition.FAIL, now, "failed", reason);
        error = reason;
        finish(now);
    }

    void cancel(Instant now) {
        move(JobTransition.CANCEL, now, "cancelled", "Cancelled by the client.");
        finish(now);
    }

    void retry(Instant now) {
        move(JobTransition.RETRY, now, "retried", "A fresh run was requested.");
        error = null;
        attempts = 0; // a person asked for a fresh start: the give-up counter starts again
        finishedAt = null;
        audioExpiresAt = null; // the clock starts again when the new run ends
        transcriptExpiresAt = null;
        runAt = now;
        queuedAt = now;
    }

    /** A person overrides carbon-aware waiting: a waiting job is queued at once. */
    void runNow(Instant now) {
        if (JobTransition.RUN_NOW.allowedFrom(status)) {
            runAt = now;
            queuedAt = now;
            schedulingReason = Reason.RUN_NOW_REQUESTED;
            schedulingDetail = "Run now was requested; carbon-aware waiting was skipped.";
            move(JobTransition.RUN_NOW, now, schedulingReason.name(), schedulingDetail);
        } else if (status.isFinished()) {
            throw new io.greenscribe.system.ConflictException(
                    "Job " + id + " already " + status + "; it cannot be run now.");
        }
    }

    void changePriority(int newPriority) {
        if (status.isFinished()) {
            throw new io.greenscribe.system.ConflictException(
                    "Job " + id + " already " + status + "; its priority is final.");
        }
        priority = newPriority;
    }

    /** The one way this aggregate changes its status: a move of the transition table, logged. */
    private void move(JobTransition transition, Instant at, String reason, String message) {
        JobStatus from = status;
        status = transition.apply(id, status);
        moves.add(new JobEvents.Moved(
                id, new JobEvent(at, transition.name(), from, status, attempts, workerId, reason, message)));
    }

    @DomainEvents
    List<JobEvents.Moved> moves() {
        return List.copyOf(moves);
    }

    @AfterDomainEventPublication
    void movesPublished() {
        moves.clear();
    }

    /** Everything stored for the job was deleted by hand (cancel with purge). */
    void purged(Instant now) {
        if (audioOwned && audioDeletedAt == null) {
            audioDeletedAt = now;
        }
        if (transcriptDeletedAt == null) {
            transcriptDeletedAt = now;
        }
        audioExpiresAt = null;
        transcriptExpiresAt = null;
    }

    private void finish(Instant now) {
        finishedAt = now;
        workerId = null;
        leaseUntil = null;
        // the time-to-live counts from the end; audio named by a server path is not ours to delete
        audioExpiresAt = audioOwned && audioTtlSeconds != null ? now.plusSeconds(audioTtlSeconds) : null;
        transcriptExpiresAt = transcriptTtlSeconds != null ? now.plusSeconds(transcriptTtlSeconds) : null;
    }
}

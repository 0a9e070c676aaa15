package io.greenscribe.job;

import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.scheduling.JobScheduling;
import io.greenscribe.scheduling.SchedulingRequest;
import io.greenscribe.system.ConflictException;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.text.TranscriptDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What clients do with jobs: submit, read, cancel, retry, run now, re-prioritise. Every public
 * method takes the caller's tenant and never shows another tenant's job: such an id is reported as
 * not found. What a worker does with a job it claimed goes through {@link JobRuns}.
 */
@Service
public class JobService {

    private final TranscriptionJobRepository jobs;
    private final AudioInputs inputs;
    private final JobOptionsValidator validator;
    private final JobScheduling scheduling;
    private final TranscriptionPipeline pipeline;
    private final JobViews views;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JobLifecycleListener lifecycle;
    private final JobEvents events;
    private final TenantRetention tenantRetention;
    private final RetentionProperties retention;

    JobService(
            TranscriptionJobRepository jobs,
            AudioInputs inputs,
            JobOptionsValidator validator,
            JobScheduling scheduling,
            TranscriptionPipeline pipeline,
            JobViews views,
            TransactionTemplate tx,
            Clock clock,
            JobLifecycleListener lifecycle,
            JobEvents events,
            TenantRetention tenantRetention,
            RetentionProperties retention) {
        this.tenantRetention = tenantRetention;
        this.retention = retention;
        this.jobs = jobs;
        this.inputs = inputs;
        this.validator = validator;
        this.scheduling = scheduling;
        this.pipeline = pipeline;
        this.views = views;
        this.tx = tx;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /** What a submission returned: the job, and whether it already existed under the idempotency key. */
    public record Submitted(JobView job, boolean replayed) {}

    public Submitted submit(UUID tenant, AudioSource source, JobOptions options, String idempotencyKey, UUID batchId) {
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw new GreenScribeException("Idempotency-Key must be 1-200 characters.");
            }
            Optional<TranscriptionJob> existing = jobs.findByTenantIdAndIdempotencyKey(tenant, idempotencyKey);
            if (existing.isPresent()) {
                return new Submitted(views.of(existing.get()), true);
            }
        }
        String model = validator.validate(options);
        UUID id = UUID.randomUUID();
        AudioInputs.StoredAudio audio = inputs.store(id, source);
        try {
            TranscriptionJob job = tx.execute(
                    s -> jobs.saveAndFlush(newJob(id, tenant, batchId, audio, options, model, idempotencyKey)));
            return new Submitted(views.of(job), false);
        } catch (DataIntegrityViolationException e) {
            inputs.delete(audio);
            return jobs.findByTenantIdAndIdempotencyKey(tenant, idempotencyKey)
                    .map(j -> new Submitted(views.of(j), true))
                    .orElseThrow(() -> e);
        }
    }

    /**
     * The audio is not decoded at submission, so the planner gets an upper bound on its length: no
     * speech codec we accept goes below 16 kbit/s, so bytes / 2000 seconds over-estimates the run
     * and plans it earlier rather than late.
     */
    static double durationUpperBound(long bytes) {
        return bytes / 2000.0;
    }

    private TranscriptionJob newJob(
            UUID id,
            UUID tenant,
            UUID batchId,
            AudioInputs.StoredAudio audio,
            JobOptions options,
            String model,
            String idempotencyKey) {
        Instant now = clock.instant();
        TranscriptionJob job = TranscriptionJob.submitted(
                id, tenant, batchId, audio, options, model, idempotencyKey, retention(tenant, options), now);
        job.schedule(
                scheduling.decide(new SchedulingRequest(
                        id,
                        now,
                        options.deadline(),
                        options.notBefore(),
                        Duration.ofMillis(Math.round(durationUpperBound(audio.bytes()) * 1000)),
                        options.interruptible())),
                now);
        return job;
    }

    /** The job's own choice, else the tenant's default, else the server's; fixed at submission. */
    private Retention retention(UUID tenant, JobOptions options) {
        return new Retention(options.audioTtl(), options.transcriptTtl())
                .or(tenantRetention.of(tenant))
                .or(serverRetention());
    }

    /** The server's defaults (greenscribe.retention.*). */
    public Retention serverRetention() {
        return new Retention(retention.audioTtl(), retention.transcriptTtl());
    }

    /** The tenant's own defaults; unset ones defer to the server's. */
    public Retention tenantRetention(UUID tenant) {
        return tenantRetention.of(tenant);
    }

    /** Sets the tenant's defaults for jobs submitted from now on; jobs already submitted keep theirs. */
    public Retention changeTenantRetention(UUID tenant, Retention defaults) {
        tenantRetention.set(tenant, defaults);
        return tenantRetention.of(tenant);
    }

    public JobView get(UUID tenant, UUID id) {
        return views.of(load(tenant, id));
    }

    /** The job's planned VAD windows with their state, in time order (empty before speech detection). */
    public java.util.List<JobView.Window> windows(UUID tenant, UUID id) {
        return pipeline.progress(load(tenant, id).id).windows().stream()
                .map(w -> new JobView.Window(
                        w.index(), w.startSeconds(), w.endSeconds(), w.state().name()))
                .toList();
    }

    /** The job's status moves as they happened, oldest first. */
    public java.util.List<JobEvent> events(UUID tenant, UUID id) {
        return events.of(load(tenant, id).id);
    }

    public Page<JobView> list(UUID tenant, JobStatus status, UUID batch, Instant from, Instant to, Pageable page) {
        return jobs.search(tenant, status, batch, from, to, page).map(views::of);
    }

    /** The transcript of a succeeded job. */
    public TranscriptDocument transcript(UUID tenant, UUID id) {
        TranscriptionJob job = load(tenant, id);
        if (job.transcriptDeletedAt != null) {
            throw new io.greenscribe.system.GoneException("Job " + id + "'s transcript was deleted at "
                    + job.transcriptDeletedAt
                    + (job.transcriptTtlSeconds == null
                            ? " (purged on request)."
                            : ", when its retention (transcriptTtl " + Retention.ofSeconds(job.transcriptTtlSeconds)
                                    + " after the job ended) ran out."));
        }
        if (job.status != JobStatus.SUCCEEDED) {
            throw new ConflictException(
                    "Job " + id + " is " + job.status + "; its transcript exists once it has SUCCEEDED.");
        }
        return pipeline.transcripts()
                .find(id)
                .orElseThrow(() -> new ConflictException("Job " + id + " has no transcript (it was deleted)."));
    }

    /**
     * Cancels a job that has not finished, and with {@code purge} also deletes its audio (when the
     * server owns it), windows and transcript. Cancelling a finished job only purges.
     */
    public JobView cancel(UUID tenant, UUID id, boolean purge) {
        TranscriptionJob job = tx.execute(s -> {
            TranscriptionJob j = load(tenant, id);
            if (!j.status.isFinished()) {
                j.cancel(clock.instant());
            } else if (!purge) {
                throw new ConflictException("Job " + id + " already " + j.status + "; nothing to cancel.");
            }
            if (purge) {
                j.purged(clock.instant());
            }
            return jobs.saveAndFlush(j);
        });
        if (job.status == JobStatus.CANCELLED) {
            lifecycle.jobEnded(job); // also when only purging a cancelled job: releasing twice is harmless
        }
        pipeline.stop(id);
        pipeline.discardWorkFiles(id); // a run on another instance drops its own when it stops
        if (purge) {
            pipeline.purge(id);
            inputs.delete(
                    new AudioInputs.StoredAudio(Path.of(job.audioPath), job.audioName, job.audioBytes, job.audioOwned));
        }
        return views.of(job);
    }

    /** Queues a job waiting for a greener window at once (the user's "run now" override). */
    public JobView runNow(UUID tenant, UUID id) {
        return views.of(tx.execute(s -> {
            TranscriptionJob j = load(tenant, id);
            j.runNow(clock.instant());
            return jobs.saveAndFlush(j);
        }));
    }

    /** Changes the priority of a job that has not finished; higher runs first (−100 … 100). */
    public JobView changePriority(UUID tenant, UUID id, int priority) {
        if (priority < -100 || priority > 100) {
            throw new io.greenscribe.system.GreenScribeException(
                    "priority must be between -100 and 100, not " + priority);
        }
        return views.of(tx.execute(s -> {
            TranscriptionJob j = load(tenant, id);
            j.changePriority(priority);
            return jobs.saveAndFlush(j);
        }));
    }

    /**
     * Puts a failed or cancelled job back into the queue for a fresh run; 409 for any other state
     * (a running job already has a run) and for a job whose audio was deleted. The version check of
     * the row's update makes the state check atomic with the move.
     */
    public JobView retry(UUID tenant, UUID id) {
        return views.of(tx.execute(s -> {
            TranscriptionJob j = load(tenant, id);
            if (j.audioDeletedAt != null) {
                throw new ConflictException("Job " + id + " cannot be retried: its audio was deleted at "
                        + j.audioDeletedAt + " (retention); submit it again.");
            }
            j.retry(clock.instant());
            if (!java.nio.file.Files.isRegularFile(Path.of(j.audioPath))) {
                throw new ConflictException(
                        "Job " + id + " cannot be retried: its audio was deleted; submit it again.");
            }
            return jobs.saveAndFlush(j);
        }));
    }

    private TranscriptionJob load(UUID tenant, UUID id) {
        return jobs.findByIdAndTenantId(id, tenant).orElseThrow(() -> new JobNotFoundException(id));
    }
}

package io.greenscribe.job;

import io.greenscribe.pipeline.PipelineRequest;
import io.greenscribe.pipeline.PipelineResult;
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
 * Submitting, reading, cancelling and finishing jobs. Every public method takes the caller's
 * tenant and never shows another tenant's job: such an id is reported as not found.
 */
@Service
public class JobService {

    /** Claims after which a job that never finishes is failed rather than handed out again. */
    static final int MAX_ATTEMPTS = 5;

    private final TranscriptionJobRepository jobs;
    private final AudioInputs inputs;
    private final JobOptionsValidator validator;
    private final JobScheduling scheduling;
    private final TranscriptionPipeline pipeline;
    private final JobViews views;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JobLifecycleListener lifecycle;

    JobService(TranscriptionJobRepository jobs, AudioInputs inputs, JobOptionsValidator validator,
            JobScheduling scheduling, TranscriptionPipeline pipeline, JobViews views, TransactionTemplate tx, Clock clock,
            JobLifecycleListener lifecycle) {
        this.jobs = jobs;
        this.inputs = inputs;
        this.validator = validator;
        this.scheduling = scheduling;
        this.pipeline = pipeline;
        this.views = views;
        this.tx = tx;
        this.clock = clock;
        this.lifecycle = lifecycle;
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
            TranscriptionJob job = tx.execute(s -> jobs.saveAndFlush(newJob(id, tenant, batchId, audio, options, model,
                    idempotencyKey)));
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

    private TranscriptionJob newJob(UUID id, UUID tenant, UUID batchId, AudioInputs.StoredAudio audio,
            JobOptions options, String model, String idempotencyKey) {
        Instant now = clock.instant();
        TranscriptionJob job = new TranscriptionJob(id, tenant, now);
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
        job.formats = StoredOptions.formats(options.formats());
        job.priority = options.priority();
        job.deadline = options.deadline();
        job.notBefore = options.notBefore();
        job.callbackUrl = options.callbackUrl() == null ? null : options.callbackUrl().toString();
        job.schedule(scheduling.decide(new SchedulingRequest(id, now, options.deadline(), options.notBefore(),
                Duration.ofMillis(Math.round(durationUpperBound(audio.bytes()) * 1000)))), now);
        return job;
    }

    public JobView get(UUID tenant, UUID id) {
        return views.of(load(tenant, id));
    }

    public Page<JobView> list(UUID tenant, JobStatus status, UUID batch, Instant from, Instant to, Pageable page) {
        return jobs.search(tenant, status, batch, from, to, page).map(views::of);
    }

    /** The transcript of a succeeded job. */
    public TranscriptDocument transcript(UUID tenant, UUID id) {
        TranscriptionJob job = load(tenant, id);
        if (job.status != JobStatus.SUCCEEDED) {
            throw new ConflictException("Job " + id + " is " + job.status + "; its transcript exists once it has SUCCEEDED.");
        }
        return pipeline.transcripts().find(id)
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
            return jobs.saveAndFlush(j);
        });
        if (job.status == JobStatus.CANCELLED) {
            lifecycle.jobEnded(job); // also when only purging a cancelled job: releasing twice is harmless
        }
        pipeline.stop(id);
        if (purge) {
            pipeline.purge(id);
            inputs.delete(new AudioInputs.StoredAudio(Path.of(job.audioPath), job.audioName, job.audioBytes, job.audioOwned));
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
            throw new io.greenscribe.system.GreenScribeException("priority must be between -100 and 100, not " + priority);
        }
        return views.of(tx.execute(s -> {
            TranscriptionJob j = load(tenant, id);
            j.changePriority(priority);
            return jobs.saveAndFlush(j);
        }));
    }

    /** Puts a failed job back into the queue. */
    public JobView retry(UUID tenant, UUID id) {
        return views.of(tx.execute(s -> {
            TranscriptionJob j = load(tenant, id);
            j.retry(clock.instant());
            return jobs.saveAndFlush(j);
        }));
    }

    /**
     * The pipeline request for a job this worker has just claimed; empty when it no longer holds
     * it, or when the job has already been claimed {@link #MAX_ATTEMPTS} times (a job that kills
     * its worker every time must not take the fleet down with it): that job is failed instead.
     */
    Optional<PipelineRequest> claimed(UUID id, String workerId) {
        return Optional.ofNullable(tx.execute(s -> {
            TranscriptionJob j = jobs.findById(id).orElse(null);
            if (j == null || j.status != JobStatus.RUNNING || !workerId.equals(j.workerId)) {
                return null;
            }
            if (j.attempts > MAX_ATTEMPTS) {
                j.fail("Gave up after " + MAX_ATTEMPTS + " attempts: each time, the worker running this job stopped "
                        + "before it finished.", clock.instant());
                lifecycle.jobEnded(jobs.saveAndFlush(j));
                return null;
            }
            lifecycle.jobStarted(j);
            return new PipelineRequest(j.id, j.tenantId, Path.of(j.audioPath), j.model, j.language,
                    JobViews.lines(j.hotwords), j.itn, workerId);
        }));
    }

    /** Records how a run ended and what it used, unless the job was cancelled or re-queued meanwhile. */
    Optional<JobView> finish(UUID id, String workerId, PipelineResult result, JobCarbon carbon) {
        TranscriptionJob done = tx.execute(s -> {
            TranscriptionJob j = jobs.findById(id).orElse(null);
            if (j == null || j.status != JobStatus.RUNNING || !workerId.equals(j.workerId)) {
                return null;
            }
            j.audioSeconds = result.audioSeconds();
            j.speechSeconds = result.speechSeconds();
            j.windowsTotal = result.windows();
            j.device = result.device();
            j.languageDetected = result.language();
            j.account(carbon);
            if (result.succeeded()) {
                j.succeed(clock.instant());
            } else {
                j.fail(result.error(), clock.instant());
            }
            return jobs.saveAndFlush(j);
        });
        if (done != null) {
            lifecycle.jobEnded(done);
        }
        return Optional.ofNullable(done).map(views::of);
    }

    /** When the job was submitted: the start of its counterfactual run. */
    Optional<Instant> submittedAt(UUID id) {
        return jobs.findById(id).map(j -> j.createdAt);
    }

    Optional<String> callbackUrl(UUID id) {
        return jobs.findById(id).map(j -> j.callbackUrl);
    }

    private TranscriptionJob load(UUID tenant, UUID id) {
        return jobs.findByIdAndTenantId(id, tenant).orElseThrow(() -> new JobNotFoundException(id));
    }
}

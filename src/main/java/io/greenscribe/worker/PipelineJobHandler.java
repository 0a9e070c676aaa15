package io.greenscribe.worker;

import io.greenscribe.job.JobCarbon;
import io.greenscribe.job.JobRuns;
import io.greenscribe.pipeline.PipelineRequest;
import io.greenscribe.pipeline.PipelineResult;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.queue.JobHandler;
import io.greenscribe.queue.JobQueue;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.webhook.Webhooks;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/** Runs a claimed job through the pipeline, meters it, records the outcome and sends the webhook. */
@Component
class PipelineJobHandler implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(PipelineJobHandler.class);

    private final JobRuns runs;
    private final TranscriptionPipeline pipeline;
    private final Webhooks webhooks;
    private final JobQueue queue;
    private final JobCarbonAccounting accounting;
    private final JobMetrics metrics;
    /** Jobs asked to stop (shutdown, lost claim): back to the queue, without running if not started yet. */
    private final java.util.Set<UUID> stopRequested = java.util.concurrent.ConcurrentHashMap.newKeySet();

    PipelineJobHandler(
            JobRuns runs,
            TranscriptionPipeline pipeline,
            Webhooks webhooks,
            JobQueue queue,
            JobCarbonAccounting accounting,
            JobMetrics metrics) {
        this.runs = runs;
        this.pipeline = pipeline;
        this.webhooks = webhooks;
        this.queue = queue;
        this.accounting = accounting;
        this.metrics = metrics;
    }

    @Override
    public void run(UUID jobId, String workerId) {
        try {
            runClaimed(jobId, workerId);
        } finally {
            stopRequested.remove(jobId);
        }
    }

    private void runClaimed(UUID jobId, String workerId) {
        Optional<JobRuns.Claimed> claimed = runs.claimed(jobId, workerId);
        if (claimed.isEmpty()) {
            return;
        }
        if (stopRequested.contains(jobId)) {
            queue.requeueStopped(jobId, workerId);
            return;
        }
        PipelineResult result;
        JobCarbonAccounting.Metering metering = accounting.start();
        JobCarbonAccounting.Measured measured;
        try {
            result = runPipeline(claimed.get().request());
        } finally {
            measured = metering.stop(); // also for runs that fail: the energy was used all the same
        }
        if (result == null || result.retryable()) {
            if (stopRequested.contains(jobId)) {
                queue.requeueStopped(jobId, workerId); // stopped for a shutdown, at a window boundary
            } else {
                queue.requeue(jobId, workerId);
            }
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            return; // cancelled or lease lost while running: the job row is someone else's now
        }
        JobCarbon carbon = accounting.price(measured, claimed.get().submittedAt(), result.audioSeconds());
        runs.finish(jobId, workerId, result, carbon).ifPresent(view -> {
            metrics.record(view);
            log.info(
                    "Job {} {} ({} windows){}",
                    jobId,
                    view.status(),
                    view.progress().windowsTotal(),
                    view.error() == null ? "" : ": " + view.error());
            if (claimed.get().callbackUrl() != null) {
                webhooks.send(jobId, claimed.get().callbackUrl().toString(), view);
            }
        });
    }

    /** The run's result; {@code null} when it hit a transient database error and should be queued again. */
    private PipelineResult runPipeline(PipelineRequest request) {
        try {
            return pipeline.run(request);
        } catch (TransientDataAccessException | org.springframework.dao.DataAccessResourceFailureException e) {
            // including the database being unreachable: the job is not at fault; if the requeue cannot
            // reach it either, the lease runs out and the reaper hands the job out once it is back
            log.warn("Job {} hit a transient database error; back to the queue: {}", request.jobId(), e.getMessage());
            return null;
        } catch (GreenScribeException e) {
            return new PipelineResult(false, false, e.getMessage(), 0, 0, 0, null, request.model(), null);
        } catch (RuntimeException e) {
            log.error("Job {} failed unexpectedly", request.jobId(), e);
            return new PipelineResult(
                    false,
                    false,
                    "Internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    0,
                    0,
                    0,
                    null,
                    request.model(),
                    null);
        }
    }

    @Override
    public void stop(UUID jobId) {
        stopRequested.add(jobId);
        pipeline.stop(jobId);
    }
}

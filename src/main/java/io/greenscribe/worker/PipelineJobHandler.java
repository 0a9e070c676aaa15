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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/** Runs a claimed job through the pipeline, meters it, records the outcome and sends the webhook. */
@Component
@RequiredArgsConstructor
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
    /** Interruptible jobs asked to pause at their next window, with when their next stretch starts. */
    private final Map<UUID, Instant> pauses = new ConcurrentHashMap<>();

    @Override
    public void run(UUID jobId, String workerId) {
        try {
            runClaimed(jobId, workerId);
        } finally {
            stopRequested.remove(jobId);
            pauses.remove(jobId);
        }
    }

    private void runClaimed(UUID jobId, String workerId) {
        Optional<JobRuns.Claimed> claimed = runs.claimed(jobId, workerId);
        if (claimed.isEmpty()) {
            return;
        }
        if (stopRequested.contains(jobId)) {
            handBack(jobId, workerId);
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
            handBack(jobId, workerId);
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

    /** A run that stopped early goes back: to wait for its next stretch if it was paused, else to the queue. */
    private void handBack(UUID jobId, String workerId) {
        Instant resumeAt = pauses.get(jobId);
        if (resumeAt != null && queue.pause(jobId, workerId, resumeAt)) {
            log.info("Job {} paused between windows until {}; its finished windows are kept", jobId, resumeAt);
            return;
        }
        if (stopRequested.contains(jobId)) {
            queue.requeueStopped(jobId, workerId); // stopped for a shutdown, at a window boundary
        } else {
            queue.requeue(jobId, workerId);
        }
    }

    @Override
    public void pause(UUID jobId, Instant resumeAt) {
        if (pauses.putIfAbsent(jobId, resumeAt) == null) {
            log.info("Job {}: its planned stretch ended; pausing at its next window until {}", jobId, resumeAt);
            stopRequested.add(jobId);
            pipeline.stop(jobId);
        }
    }

    @Override
    public void stop(UUID jobId) {
        stopRequested.add(jobId);
        pipeline.stop(jobId);
    }
}

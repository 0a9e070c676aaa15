package io.greenscribe.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the planner's books in step with jobs that start and end: frees the capacity a job booked,
 * and teaches the throughput estimator the device's real speed from each job that succeeded, so
 * run times stop being planned at the conservative default forever.
 */
public final class PlannerFeedback {

    private static final Logger log = LoggerFactory.getLogger(PlannerFeedback.class);

    private final CarbonPlanner planner;
    private final ThroughputEstimator throughput;
    private final String deviceId;

    /** @param deviceId the device id jobs are planned under, so speeds are learned where they are read */
    PlannerFeedback(CarbonPlanner planner, ThroughputEstimator throughput, String deviceId) {
        this.planner = planner;
        this.throughput = throughput;
        this.deviceId = deviceId;
    }

    /** The job ended (succeeded, failed or was cancelled). Never throws: the end is already recorded. */
    public void jobEnded(FinishedRun run) {
        try {
            planner.release(run.jobId());
            if (run.succeeded()) {
                learn(run);
            }
        } catch (RuntimeException e) {
            log.warn("Could not update the planner's books for job {}: {}", run.jobId(), e.toString());
        }
    }

    /**
     * A worker claimed the job at {@code at}: the booking follows the run's real start, so a job
     * that got a worker late is not counted as finished when it is still running. Never throws.
     */
    public void jobStarted(UUID jobId, Instant at) {
        try {
            planner.started(jobId, at);
        } catch (RuntimeException e) {
            log.warn("Could not move job {}'s booking to its start: {}", jobId, e.toString());
        }
    }

    /** Learns from jobs that finished before this instance started, oldest first as they happened. */
    void seed(List<FinishedRun> succeededOldestFirst) {
        succeededOldestFirst.forEach(this::learn);
    }

    /**
     * Run time as the console shows it: from first claim to finish. A job claimed more than once
     * also counts the time its dead worker held it, which says nothing about the device's speed.
     */
    private void learn(FinishedRun run) {
        if (run.attempts() != 1 || run.audio() == null || run.startedAt() == null || run.finishedAt() == null) {
            return;
        }
        throughput.record(deviceId, run.audio(), Duration.between(run.startedAt(), run.finishedAt()));
    }
}

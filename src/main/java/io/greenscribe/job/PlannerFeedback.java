package io.greenscribe.job;

import io.greenscribe.carbon.CarbonPlanner;
import io.greenscribe.carbon.ThroughputEstimator;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the planner's books in step with jobs that end: frees the capacity a job booked, and
 * teaches the throughput estimator the device's real speed from each job that succeeded, so run
 * times stop being planned at the conservative default forever.
 */
final class PlannerFeedback {

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

    /** See {@link JobLifecycleListener#jobEnded}: never throws, the job's end is already recorded. */
    void jobEnded(TranscriptionJob job) {
        try {
            planner.release(job.id.toString());
            if (job.status == JobStatus.SUCCEEDED) {
                learn(job);
            }
        } catch (RuntimeException e) {
            log.warn("Could not update the planner's books for job {}: {}", job.id, e.toString());
        }
    }

    /**
     * See {@link JobLifecycleListener#jobStarted}: the booking follows the run's real start (the
     * claim), so a job that got a worker late is not counted as finished when it is still running.
     */
    void jobStarted(TranscriptionJob job) {
        try {
            planner.started(job.id.toString(), job.heartbeatAt != null ? job.heartbeatAt : job.startedAt);
        } catch (RuntimeException e) {
            log.warn("Could not move job {}'s booking to its start: {}", job.id, e.toString());
        }
    }

    /** Learns from jobs that finished before this instance started, oldest first as they happened. */
    void seed(List<TranscriptionJob> succeededOldestFirst) {
        succeededOldestFirst.forEach(this::learn);
    }

    /**
     * Run time as the console shows it: from first claim to finish. A job claimed more than once
     * also counts the time its dead worker held it, which says nothing about the device's speed.
     */
    private void learn(TranscriptionJob job) {
        if (job.attempts != 1 || job.audioSeconds == null || job.startedAt == null || job.finishedAt == null) {
            return;
        }
        throughput.record(deviceId, Duration.ofMillis(Math.round(job.audioSeconds * 1000)),
                Duration.between(job.startedAt, job.finishedAt));
    }
}

package io.greenscribe.queue;

import java.util.UUID;

/**
 * Runs one claimed job to its end and records the outcome. Called on a worker thread while the
 * queue keeps the job's lease alive; interrupted when the lease is lost (cancel, reap).
 */
public interface JobHandler {

    void run(UUID jobId, String workerId);

    /** Asks the work of a job this worker no longer holds to stop soon. */
    default void stop(UUID jobId) {}

    /**
     * Asks a running job to pause at its next window boundary until {@code resumeAt} (its planned
     * stretch ended); a handler that cannot pause lets it run on.
     */
    default void pause(UUID jobId, java.time.Instant resumeAt) {}
}

package io.greenscribe.job;

import java.time.Instant;

/**
 * One status move of a job, as it happened.
 *
 * @param at when the move was written
 * @param transition the move, a {@link JobTransition} name, or {@code SUBMIT} for the job's creation
 * @param from the state it left, or {@code null} at creation
 * @param to the state it entered
 * @param attempt how many times a worker had claimed the job by then (the run this move belongs to)
 * @param workerId the worker involved, or {@code null}
 * @param reason a short machine-readable reason (a scheduling reason, {@code lease-expired}, …), or {@code null}
 * @param message a sentence for people, or {@code null}
 */
public record JobEvent(
        Instant at,
        String transition,
        JobStatus from,
        JobStatus to,
        int attempt,
        String workerId,
        String reason,
        String message) {

    /** The transition name of a job's creation, which is no move of the table. */
    public static final String SUBMIT = "SUBMIT";
}

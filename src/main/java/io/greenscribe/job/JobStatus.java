package io.greenscribe.job;

import io.greenscribe.system.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of a transcription job. Every move goes through {@link #moveTo}, which throws on a move
 * the table below does not allow, so a bug shows up as an error instead of a silently wrong row.
 */
public enum JobStatus {
    SUBMITTED,
    WAITING_FOR_WINDOW,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = Map.of(
            SUBMITTED, EnumSet.of(WAITING_FOR_WINDOW, QUEUED, FAILED, CANCELLED),
            WAITING_FOR_WINDOW, EnumSet.of(QUEUED, WAITING_FOR_WINDOW, CANCELLED),
            // a re-plan may send a queued job back to wait for a greener window
            QUEUED, EnumSet.of(RUNNING, WAITING_FOR_WINDOW, CANCELLED),
            // RUNNING → QUEUED when the worker's lease expires
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, QUEUED, CANCELLED),
            // manual retry
            FAILED, EnumSet.of(QUEUED),
            SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            CANCELLED, EnumSet.noneOf(JobStatus.class));

    public boolean canMoveTo(JobStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Returns {@code next} when the move is allowed; throws naming both states otherwise. */
    public JobStatus moveTo(JobStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalJobTransitionException(this, next);
        }
        return next;
    }

    /** Succeeded, failed or cancelled: nothing runs any more (a failed job may still be retried). */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** Thrown on a move the transition table forbids; answers 409 when a client caused it. */
    public static final class IllegalJobTransitionException extends ConflictException {
        IllegalJobTransitionException(JobStatus from, JobStatus to) {
            super("A job cannot go from " + from + " to " + to + ".");
        }
    }
}

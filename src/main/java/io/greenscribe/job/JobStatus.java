package io.greenscribe.job;

import java.util.Arrays;

/**
 * Lifecycle of a transcription job. Which moves exist, and from where, is {@link JobTransition}'s
 * table: every status change, in the aggregate or in the queue's SQL, is one of its moves.
 */
public enum JobStatus {
    SUBMITTED,
    WAITING_FOR_WINDOW,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Whether some move of {@link JobTransition} leads from this state to {@code next}. */
    public boolean canMoveTo(JobStatus next) {
        return Arrays.stream(JobTransition.values()).anyMatch(t -> t.to() == next && t.allowedFrom(this));
    }

    /** Succeeded, failed or cancelled: nothing runs any more (a failed job may still be retried). */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}

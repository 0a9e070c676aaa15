package io.greenscribe.job;

import static io.greenscribe.job.JobStatus.CANCELLED;
import static io.greenscribe.job.JobStatus.FAILED;
import static io.greenscribe.job.JobStatus.QUEUED;
import static io.greenscribe.job.JobStatus.RUNNING;
import static io.greenscribe.job.JobStatus.SUBMITTED;
import static io.greenscribe.job.JobStatus.SUCCEEDED;
import static io.greenscribe.job.JobStatus.WAITING_FOR_WINDOW;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Every way a job's status may change, with the states it may come from: the one table of job
 * states. The aggregate moves through {@link #apply}; the queue's SQL statements move by the
 * {@code QueueMove} of the same name, which {@code QueueMovesCheck} holds to this table. Moves are
 * named by cause, not only by their end state, so that "a person retries" cannot pass for "a lease
 * ran out" (both end in QUEUED, only one may start from RUNNING).
 */
public enum JobTransition {
    /** The planner holds the job for a greener window; a re-plan may send a queued job back. */
    WAIT_FOR_WINDOW(WAITING_FOR_WINDOW, SUBMITTED, WAITING_FOR_WINDOW, QUEUED),
    /** Runnable at once: at submission, or a re-plan moved its start to now. */
    ENQUEUE(QUEUED, SUBMITTED, WAITING_FOR_WINDOW),
    /** Its planned start came (queue SQL). */
    PROMOTE(QUEUED, WAITING_FOR_WINDOW),
    /** A worker took it (queue SQL). */
    CLAIM(RUNNING, QUEUED),
    /** Back to the queue from a worker: lease ran out, transient failure, shutdown (queue SQL). */
    HAND_BACK(QUEUED, RUNNING),
    /**
     * An interruptible job's planned stretch ended: it stops at a window boundary, keeps its finished
     * windows and waits for its next stretch (queue SQL); any instance resumes it then.
     */
    PAUSE(WAITING_FOR_WINDOW, RUNNING),
    SUCCEED(SUCCEEDED, RUNNING),
    /** The run failed, or the job never could run (gave up after too many claims). */
    FAIL(FAILED, SUBMITTED, RUNNING),
    CANCEL(CANCELLED, SUBMITTED, WAITING_FOR_WINDOW, QUEUED, RUNNING),
    /** A person asks for a fresh run of a job that ended without a transcript. */
    RETRY(QUEUED, FAILED, CANCELLED),
    /** A person skips carbon-aware waiting. */
    RUN_NOW(QUEUED, SUBMITTED, WAITING_FOR_WINDOW);

    private final JobStatus to;
    private final Set<JobStatus> from;

    JobTransition(JobStatus to, JobStatus first, JobStatus... more) {
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    public JobStatus to() {
        return to;
    }

    /** The states this move may start from. */
    public Set<JobStatus> from() {
        return EnumSet.copyOf(from);
    }

    public boolean allowedFrom(JobStatus status) {
        return from.contains(status);
    }

    /**
     * The state after this move from {@code current}.
     *
     * @throws IllegalJobTransitionException (409) naming the job and both states when the table forbids it
     */
    public JobStatus apply(UUID job, JobStatus current) {
        if (!allowedFrom(current)) {
            throw new IllegalJobTransitionException(job, current, this);
        }
        return to;
    }

    /** Thrown on a move the table forbids; answers 409 when a client caused it. */
    public static final class IllegalJobTransitionException extends io.greenscribe.system.ConflictException {
        IllegalJobTransitionException(UUID job, JobStatus from, JobTransition move) {
            super("Job " + job + " is " + from + "; " + move.describe() + " is possible only from " + move.from + ".");
        }
    }

    private String describe() {
        return switch (this) {
            case RETRY -> "a retry";
            case RUN_NOW -> "run now";
            case CANCEL -> "cancelling";
            default -> "the move " + name() + " (to " + to + ")";
        };
    }
}

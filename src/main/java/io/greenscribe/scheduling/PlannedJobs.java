package io.greenscribe.scheduling;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The job store as the scheduler's books see it: a port that the job module implements, so the
 * arrow points job → scheduling and the scheduler never reads the job aggregate itself.
 */
public interface PlannedJobs {

    /** Jobs with a deadline that have not ended: waiting, queued or running. */
    List<PlannedJob> active();

    /** The job as it stands now, if it has not ended. */
    Optional<PlannedJob> find(UUID jobId);

    /**
     * Writes a re-planned decision onto the job only if it is still waiting at {@code version}.
     *
     * @return false when the row moved on (claimed, cancelled, run now, re-planned elsewhere)
     */
    boolean replan(UUID jobId, long version, SchedulingDecision next);

    /** Up to {@code limit} succeeded single-claim runs, newest first. */
    List<FinishedRun> recentRuns(int limit);
}

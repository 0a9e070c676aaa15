package io.greenscribe.scheduling;

import java.time.Instant;

/**
 * A job waiting for its window, as re-planning needs it: what was planned, when it is to start,
 * and which forecast vintage its decision used.
 *
 * @param request what was planned
 * @param runAt the start in force
 * @param forecastFetchedAt the vintage its decision was planned on, or {@code null} when not known
 *     (the job row does not keep it): such a job is re-planned on every new forecast
 */
public record WaitingJob(PlanRequest request, Instant runAt, Instant forecastFetchedAt) {

    /** A job waiting under the decision the planner just took for it. */
    public static WaitingJob under(PlanRequest request, SchedulingDecision decision) {
        return new WaitingJob(request, decision.runAt(), decision.forecastFetchedAt());
    }
}

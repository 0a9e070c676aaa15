package io.greenscribe.carbon;

/**
 * A job waiting for its window, with the decision it waits under; input to re-planning.
 *
 * @param request what was planned
 * @param decision the decision in force
 */
public record WaitingJob(PlanRequest request, SchedulingDecision decision) {
}

package io.greenscribe.scheduling;

import io.greenscribe.scheduling.SchedulingDecision.Reason;

/** Runs every job as soon as it is allowed to: now, or at its not-before time. */
final class RunNowScheduling implements JobScheduling {

    @Override
    public SchedulingDecision decide(SchedulingRequest request) {
        if (request.notBefore() != null && request.notBefore().isAfter(request.submittedAt())) {
            return SchedulingDecision.withoutForecast(
                    request.jobId(),
                    request.notBefore(),
                    Reason.NOT_BEFORE,
                    "Runs at the requested not-before time.",
                    request.submittedAt());
        }
        return SchedulingDecision.withoutForecast(
                request.jobId(),
                request.submittedAt(),
                Reason.RUN_NOW,
                request.deadline() == null
                        ? "No deadline: runs now."
                        : "No carbon planner configured: runs now, well before the deadline.",
                request.submittedAt());
    }
}

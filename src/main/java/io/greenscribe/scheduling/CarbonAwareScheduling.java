package io.greenscribe.scheduling;

import io.greenscribe.carbon.GridZone;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs with a deadline wait for the greenest feasible window the carbon planner finds; jobs without
 * one run at once (or at their not-before time), without touching the planner. The planner never
 * blocks a job: on feed outage it answers with its outage policy, and should it fail outright the
 * job runs now with that reason recorded.
 */
@RequiredArgsConstructor
final class CarbonAwareScheduling implements JobScheduling {

    private static final Logger log = LoggerFactory.getLogger(CarbonAwareScheduling.class);

    private final CarbonPlanner planner;
    private final GridZone zone;
    private final String deviceId;
    private final RunNowScheduling fallback = new RunNowScheduling();

    @Override
    public SchedulingDecision decide(SchedulingRequest request) {
        Optional<PlanRequest> plan = planRequest(request);
        if (plan.isEmpty()) {
            return fallback.decide(request); // no flexibility: run as soon as allowed, never queue behind the ledger
        }
        try {
            return planner.plan(plan.get());
        } catch (RuntimeException e) {
            log.warn("carbon planner failed for job {}: {}", request.jobId(), e.toString());
            return SchedulingDecision.withoutForecast(
                    request.jobId(),
                    plan.get().earliestStart(),
                    Reason.PLANNER_ERROR,
                    "The carbon planner failed (" + e.getMessage() + "); the job runs as soon as it may.",
                    request.submittedAt());
        }
    }

    /**
     * What the planner is asked about a job; empty for a job it never plans (no deadline, or none
     * after its earliest start). Re-planning and the ledger rebuild ask the same question, so a job
     * is booked the same way whichever of them books it.
     */
    Optional<PlanRequest> planRequest(SchedulingRequest request) {
        if (request.deadline() == null || !request.deadline().isAfter(request.earliestStart())) {
            return Optional.empty();
        }
        return Optional.of(PlanRequest.withDeadline(
                        request.jobId(), zone, deviceId, request.audio(), request.earliestStart(), request.deadline())
                .interruptibly(request.interruptible()));
    }
}

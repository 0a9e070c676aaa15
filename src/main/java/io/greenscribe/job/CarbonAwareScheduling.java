package io.greenscribe.job;

import io.greenscribe.carbon.CarbonPlanner;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.PlanRequest;
import io.greenscribe.carbon.SchedulingDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs with a deadline wait for the greenest feasible window the carbon planner finds; jobs without
 * one run at once (or at their not-before time), without touching the planner. The planner never
 * blocks a job: on feed outage it answers with its outage policy, and should it fail outright the
 * job runs now with that reason recorded.
 */
final class CarbonAwareScheduling implements JobScheduling {

    private static final Logger log = LoggerFactory.getLogger(CarbonAwareScheduling.class);

    private final CarbonPlanner planner;
    private final GridZone zone;
    private final String deviceId;
    private final RunNowScheduling fallback = new RunNowScheduling();

    CarbonAwareScheduling(CarbonPlanner planner, GridZone zone, String deviceId) {
        this.planner = planner;
        this.zone = zone;
        this.deviceId = deviceId;
    }

    @Override
    public Decision decide(Request request) {
        Optional<PlanRequest> plan = planRequest(request);
        if (plan.isEmpty()) {
            return fallback.decide(request); // no flexibility: run as soon as allowed, never queue behind the ledger
        }
        try {
            return decision(planner.plan(plan.get()));
        } catch (RuntimeException e) {
            log.warn("carbon planner failed for job {}: {}", request.jobId(), e.toString());
            return new Decision(plan.get().earliestStart(), "planner-error", "The carbon planner failed ("
                    + e.getMessage() + "); the job runs as soon as it may.", null);
        }
    }

    /**
     * What the planner is asked about a job; empty for a job it never plans (no deadline, or none
     * after its earliest start). Re-planning and the ledger rebuild ask the same question, so a job
     * is booked the same way whichever of them books it.
     */
    Optional<PlanRequest> planRequest(Request request) {
        Instant earliest = request.notBefore() != null && request.notBefore().isAfter(request.submittedAt())
                ? request.notBefore() : request.submittedAt();
        if (request.deadline() == null || !request.deadline().isAfter(earliest)) {
            return Optional.empty();
        }
        Duration audio = Duration.ofMillis(Math.round(request.audioSeconds() * 1000));
        return Optional.of(PlanRequest.withDeadline(request.jobId().toString(), zone, deviceId, audio, earliest,
                request.deadline()));
    }

    /** The planner's decision as the job row stores it. */
    static Decision decision(SchedulingDecision d) {
        return new Decision(d.runAt(), d.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), d.detail(),
                positive(d.expectedIntensity()), positive(d.baselineIntensity()),
                Double.isFinite(d.expectedSavingPct()) ? d.expectedSavingPct() : null);
    }

    private static Double positive(double intensity) {
        return Double.isFinite(intensity) && intensity > 0 ? intensity : null;
    }
}

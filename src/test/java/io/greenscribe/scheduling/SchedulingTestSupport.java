package io.greenscribe.scheduling;

import io.greenscribe.carbon.GridZone;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Builds the scheduler's package-private parts for tests of the job store glue in other packages. */
public final class SchedulingTestSupport {

    public static final String PLANNED_DEVICE = SchedulingConfiguration.PLANNED_DEVICE;
    public static final long REPLAN_LOCK_KEY = ReplanLock.KEY;

    private SchedulingTestSupport() {}

    /** What an instance runs: its own planner on the shared job store, no periodic task. */
    public static PlanMaintenance maintenance(PlannedJobs jobs, CarbonPlanner planner, JdbcTemplate jdbc, Clock clock) {
        return new PlanMaintenance(
                jobs,
                new CarbonAwareScheduling(planner, GridZone.of("GB"), PLANNED_DEVICE),
                planner,
                new PlannerFeedback(planner, new ThroughputEstimator(1.0, 0.2), PLANNED_DEVICE),
                new ReplanLock(jdbc),
                clock,
                Duration.ZERO);
    }
}

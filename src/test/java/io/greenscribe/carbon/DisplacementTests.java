package io.greenscribe.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.SchedulingDecision.Reason;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job that finds its device full moves patient bookings out of its way, never making them late. */
class DisplacementTests {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);
    static final GridZone GB = GridZone.of("GB");

    final MutableClock clock = new MutableClock(T0);
    final StubFeed feed = new StubFeed(clock).serve(T0, HOUR, 300, 100, 300, 300, 300, 200, 300, 300);
    final CapacityLedger ledger = new CapacityLedger(Map.of("cpu", 1), 1, Duration.ofMinutes(5));
    final CarbonPlanner planner = new CarbonPlanner(feed, clock, new ThroughputEstimator(1.0, 0.2), ledger,
            new PlannerPolicy(1.0, Duration.ZERO, 0.0, Duration.ofHours(48), OutagePolicy.RUN_NOW));

    static PlanRequest job(String id, Instant earliest, Instant deadline) {
        return PlanRequest.withDeadline(id, GB, "cpu", HOUR, earliest, deadline).withRunTime(HOUR);
    }

    static Instant at(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void aPatientJobMovesToItsNextGreenestWindowForAnUrgentOne() {
        // given a patient job booked in the green hour (01:00) of the only worker
        assertThat(planner.plan(job("patient", T0, at(8))).runAt()).isEqualTo(at(1));

        // when a job that can only run at 01:00 arrives
        SchedulingDecision urgent = planner.plan(job("urgent", at(1), at(2)));

        // then it gets 01:00 and the patient job moves to 05:00, the next greenest hour with room
        assertThat(urgent.runAt()).isEqualTo(at(1));
        assertThat(urgent.reason()).isEqualTo(Reason.CAPACITY_CONSTRAINED);
        assertThat(urgent.detail()).contains("moved to make room");
        assertThat(planner.takeMoved()).singleElement().satisfies(moved -> {
            assertThat(moved.jobId()).isEqualTo("patient");
            assertThat(moved.runAt()).isEqualTo(at(5));
        });
        assertThat(planner.takeMoved()).isEmpty();
        assertThat(ledger.bookedAt("cpu", at(1.5))).isEqualTo(1);
        assertThat(ledger.bookedAt("cpu", at(5.5))).isEqualTo(1);
    }

    @Test
    void aMoveThatWouldMakeTheMovedJobLateIsUndone() {
        // given a booked job that has nowhere else to go (01:00–01:30 starts only)
        assertThat(planner.plan(job("tight", at(1), at(2.5))).runAt()).isEqualTo(at(1));

        // when another job needs 01:00
        SchedulingDecision second = planner.plan(job("second", at(1), at(2)));

        // then nothing moves: the newcomer is the one that waits for a worker
        assertThat(second.reason()).isEqualTo(Reason.CAPACITY_EXHAUSTED);
        assertThat(planner.takeMoved()).isEmpty();
        assertThat(ledger.bookedAt("cpu", at(1.5))).isEqualTo(2); // the tight job's booking is back, plus the newcomer
    }

    @Test
    void aStartedJobIsNeverMoved() {
        // given the patient job started in its green hour
        planner.plan(job("patient", T0, at(8)));
        clock.set(at(1));
        planner.started("patient", at(1));

        // when an urgent job arrives for the same hour
        SchedulingDecision urgent = planner.plan(job("urgent", at(1), at(2)));

        // then
        assertThat(urgent.reason()).isEqualTo(Reason.CAPACITY_EXHAUSTED);
        assertThat(planner.takeMoved()).isEmpty();
    }

    @Test
    void aLateStartMovesTheBookingWithTheRun() {
        // given a job booked for 01:00–02:00 that only got a worker at 01:30
        planner.plan(job("patient", T0, at(8)));
        planner.started("patient", at(1.5));

        // then the ledger holds the worker for the real run, 01:30–02:30
        assertThat(ledger.bookedAt("cpu", at(1.25))).isZero();
        assertThat(ledger.bookedAt("cpu", at(2.25))).isEqualTo(1);
    }
}

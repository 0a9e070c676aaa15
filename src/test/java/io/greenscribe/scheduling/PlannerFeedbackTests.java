package io.greenscribe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlannerFeedbackTests {

    static final String DEVICE = "default";

    final Instant t0 = Instant.parse("2026-11-24T18:00:00Z");
    final MutableClock clock = new MutableClock(t0);
    final StubFeed feed = new StubFeed(clock).serve(t0, Duration.ofHours(1), 300, 250, 200, 100, 100, 200, 300, 300);
    final ThroughputEstimator throughput = new ThroughputEstimator(1.0, 0.2);
    final CarbonPlanner planner = new CarbonPlanner(
            feed, clock, throughput, new CapacityLedger(Map.of(), 1, Duration.ofMinutes(1)), PlannerPolicy.defaults());
    final PlannerFeedback feedback = new PlannerFeedback(planner, throughput, DEVICE);

    @Test
    void aSucceededJobFreesItsBookingAndTeachesTheDeviceSpeed() {
        // given a planned job, booked on the only worker
        UUID id = UUID.randomUUID();
        SchedulingDecision d = planner.plan(PlanRequest.withDeadline(
                id, GridZone.of("GB"), DEVICE, Duration.ofMinutes(10), t0, t0.plus(Duration.ofHours(8))));
        assertThat(planner.bookedAt(DEVICE, d.runAt())).isEqualTo(1);

        // when it succeeds after 20 minutes for 10 minutes of audio (half real time)
        feedback.jobEnded(new FinishedRun(
                id, true, 1, Duration.ofMinutes(10), d.runAt(), d.runAt().plus(Duration.ofMinutes(20))));

        // then the worker is free again and runs are planned at the device's real speed
        assertThat(planner.bookedAt(DEVICE, d.runAt())).isZero();
        assertThat(throughput.speed(DEVICE)).isEqualTo(0.5);
        assertThat(throughput.estimateRunTime(DEVICE, Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aCancelledJobFreesItsBookingAndTeachesNothing() {
        UUID id = UUID.randomUUID();
        SchedulingDecision d = planner.plan(PlanRequest.withDeadline(
                id, GridZone.of("GB"), DEVICE, Duration.ofMinutes(10), t0, t0.plus(Duration.ofHours(8))));

        // a cancelled run's time says nothing about speed
        feedback.jobEnded(new FinishedRun(id, false, 1, Duration.ofMinutes(10), t0, t0.plus(Duration.ofHours(2))));

        assertThat(planner.bookedAt(DEVICE, d.runAt())).isZero();
        assertThat(throughput.speed(DEVICE)).isEqualTo(1.0);
    }

    @Test
    void aRunThatOutlivedADeadWorkerTeachesNothing() {
        // its run time includes the lease the dead worker held
        feedback.jobEnded(new FinishedRun(
                UUID.randomUUID(), true, 2, Duration.ofMinutes(10), t0, t0.plus(Duration.ofMinutes(40))));

        assertThat(throughput.speed(DEVICE)).isEqualTo(1.0);
    }

    @Test
    void seedingFromPastRunsLiftsTheSpeedAboveTheConservativeDefault() {
        // given five earlier runs at 4x real time (the warm-up after which the default no longer caps)
        List<FinishedRun> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(new FinishedRun(
                    UUID.randomUUID(), true, 1, Duration.ofMinutes(10), t0, t0.plus(Duration.ofSeconds(150))));
        }

        feedback.seed(runs);

        assertThat(throughput.speed(DEVICE)).isEqualTo(4.0);
    }
}

package io.greenscribe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CarbonAwareSchedulingTests {

    private final Instant t0 = Instant.parse("2026-11-24T18:00:00Z");
    private final MutableClock clock = new MutableClock(t0);
    private final StubFeed feed = new StubFeed(clock);
    private final CarbonAwareScheduling scheduling = new CarbonAwareScheduling(
            new CarbonPlanner(
                    feed,
                    clock,
                    new ThroughputEstimator(5.0, 0.2),
                    CapacityLedger.unlimited(),
                    PlannerPolicy.defaults()),
            GridZone.of("GB"),
            "default");

    @Test
    void aJobWithADeadlineWaitsForTheGreenestWindowBeforeIt() {
        // given an evening peak that falls overnight: 300 g/kWh now, 80 g/kWh from 02:00
        feed.serve(
                t0,
                Duration.ofMinutes(30),
                300,
                300,
                290,
                280,
                260,
                240,
                220,
                200,
                170,
                140,
                110,
                90,
                80,
                80,
                80,
                80,
                90,
                120,
                200,
                260,
                300,
                300,
                300,
                300);

        // when a 30-minute recording must be done by 07:00
        SchedulingDecision d = scheduling.decide(request(t0.plus(Duration.ofHours(13)), 1800));

        // then it waits for the trough, records why and what it expects
        assertThat(d.runAt()).isAfter(t0.plus(Duration.ofHours(4))).isBefore(t0.plus(Duration.ofHours(9)));
        assertThat(d.reason()).isEqualTo(Reason.GREENEST_WINDOW);
        assertThat(d.expectedIntensityOrNull()).isLessThan(120.0);
        assertThat(d.baselineIntensityOrNull()).isGreaterThan(250.0);
        assertThat(d.expectedSavingPctOrNull())
                .isEqualTo(
                        100 * (1 - d.expectedIntensity() / d.baselineIntensity()),
                        org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void aJobWithoutADeadlineRunsNowWithoutAskingThePlanner() {
        feed.fail(new IllegalStateException("must not be called"));
        SchedulingDecision d = scheduling.decide(request(null, 600));
        assertThat(d.runAt()).isEqualTo(t0);
        assertThat(d.reason()).isEqualTo(Reason.RUN_NOW);
        assertThat(d.expectedIntensityOrNull()).isNull();
    }

    @Test
    void aFeedOutageNeverLeavesAJobStuckOrLate() {
        feed.fail(new CarbonFeedException(CarbonFeedException.Kind.UNAVAILABLE, "stub", "down"));
        Instant deadline = t0.plus(Duration.ofHours(6));
        SchedulingDecision d = scheduling.decide(request(deadline, 600));
        assertThat(d.runAt()).isBetween(t0, deadline.minus(Duration.ofMinutes(10)));
        assertThat(d.reason()).isIn(Reason.FEED_UNAVAILABLE, Reason.NO_FORECAST);
    }

    @Test
    void aPlannerThatFailsOutrightRunsTheJobNowAndSaysSo() {
        CarbonAwareScheduling broken = new CarbonAwareScheduling(null, GridZone.of("GB"), "default");
        SchedulingDecision d = broken.decide(request(t0.plus(Duration.ofHours(6)), 600));
        assertThat(d.reason()).isEqualTo(Reason.PLANNER_ERROR);
        assertThat(d.runAt()).isEqualTo(t0);
    }

    @Test
    void aNotBeforeTimeWithoutADeadlineIsKept() {
        Instant later = t0.plus(Duration.ofHours(2));
        SchedulingDecision d = scheduling.decide(
                new SchedulingRequest(UUID.randomUUID(), t0, null, later, Duration.ofMinutes(10), false));
        assertThat(d.reason()).isEqualTo(Reason.NOT_BEFORE);
        assertThat(d.runAt()).isEqualTo(later);
    }

    private SchedulingRequest request(Instant deadline, long audioSeconds) {
        return new SchedulingRequest(UUID.randomUUID(), t0, deadline, null, Duration.ofSeconds(audioSeconds), false);
    }
}

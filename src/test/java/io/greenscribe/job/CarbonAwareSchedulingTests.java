package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.CapacityLedger;
import io.greenscribe.carbon.CarbonPlanner;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.PlannerPolicy;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.carbon.ThroughputEstimator;
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
            new CarbonPlanner(feed, clock, new ThroughputEstimator(5.0, 0.2), CapacityLedger.unlimited(),
                    PlannerPolicy.defaults()),
            GridZone.of("GB"), "default");

    @Test
    void aJobWithADeadlineWaitsForTheGreenestWindowBeforeIt() {
        // given an evening peak that falls overnight: 300 g/kWh now, 80 g/kWh from 02:00
        feed.serve(t0, Duration.ofMinutes(30), 300, 300, 290, 280, 260, 240, 220, 200, 170, 140, 110, 90, 80, 80, 80, 80,
                90, 120, 200, 260, 300, 300, 300, 300);

        // when a 30-minute recording must be done by 07:00
        JobScheduling.Decision d = scheduling.decide(new JobScheduling.Request(UUID.randomUUID(), t0,
                t0.plus(Duration.ofHours(13)), null, 1800));

        // then it waits for the trough, records why and what it expects
        assertThat(d.runAt()).isAfter(t0.plus(Duration.ofHours(4))).isBefore(t0.plus(Duration.ofHours(9)));
        assertThat(d.reason()).isEqualTo("greenest-window");
        assertThat(d.expectedIntensity()).isLessThan(120.0);
        assertThat(d.baselineIntensity()).isGreaterThan(250.0);
        assertThat(d.expectedSavingPct()).isEqualTo(100 * (1 - d.expectedIntensity() / d.baselineIntensity()),
                org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void aJobWithoutADeadlineRunsNowWithoutAskingThePlanner() {
        feed.fail(new IllegalStateException("must not be called"));
        JobScheduling.Decision d = scheduling.decide(new JobScheduling.Request(UUID.randomUUID(), t0, null, null, 600));
        assertThat(d.runAt()).isEqualTo(t0);
        assertThat(d.reason()).isEqualTo("run-now");
    }

    @Test
    void aFeedOutageNeverLeavesAJobStuckOrLate() {
        feed.fail(new io.greenscribe.carbon.CarbonFeedException(
                io.greenscribe.carbon.CarbonFeedException.Kind.UNAVAILABLE, "stub", "down"));
        Instant deadline = t0.plus(Duration.ofHours(6));
        JobScheduling.Decision d = scheduling.decide(new JobScheduling.Request(UUID.randomUUID(), t0, deadline, null, 600));
        assertThat(d.runAt()).isBetween(t0, deadline.minus(Duration.ofMinutes(10)));
        assertThat(d.reason()).containsAnyOf("feed", "unavailable", "no-forecast");
    }

    @Test
    void theSubmissionEstimateOverestimatesSpeechAudio() {
        // 1 MB of 64 kbit/s MP3 is 125 s; the bound says 500 s, so runs are planned early, not late
        assertThat(JobService.durationUpperBound(1_000_000)).isEqualTo(500.0);
    }
}

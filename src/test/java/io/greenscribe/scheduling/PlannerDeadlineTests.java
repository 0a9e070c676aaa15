package io.greenscribe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonFeedException.Kind;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the forecast, outage or load: a job that can meet its deadline is never planned late. */
class PlannerDeadlineTests {

    @Test
    void noFeasibleJobIsEverPlannedLate() {
        Random rnd = new Random(42);
        MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");
        StubFeed feed = new StubFeed(clock);
        PlannerPolicy policy = PlannerPolicy.defaults();
        CarbonPlanner planner = new CarbonPlanner(
                feed,
                clock,
                new ThroughputEstimator(2.0, 0.2),
                new CapacityLedger(Map.of(), 3, Duration.ofMinutes(5)),
                policy);
        int planned = 0;
        for (int i = 0; i < 2000; i++) {
            clock.advance(Duration.ofMinutes(rnd.nextInt(20)));
            Instant now = clock.instant();
            if (rnd.nextInt(10) == 0) {
                feed.fail(new CarbonFeedException(Kind.UNAVAILABLE, "stub", "down"));
            } else {
                double[] values = rnd.doubles(2 + rnd.nextInt(100), 20, 600).toArray();
                feed.serve(now.minus(Duration.ofMinutes(rnd.nextInt(30))), Duration.ofMinutes(30), values);
            }
            Duration audio = Duration.ofMinutes(1 + rnd.nextInt(240));
            Instant deadline = now.plus(Duration.ofMinutes(10 + rnd.nextInt(48 * 60)));
            SchedulingDecision d = planner.plan(
                    PlanRequest.withDeadline(TestIds.id("j" + i), GridZone.of("GB"), "cpu", audio, now, deadline));

            assertThat(d.runAt()).isAfterOrEqualTo(now);
            if (d.reason() != Reason.DEADLINE_TOO_TIGHT && d.reason() != Reason.CAPACITY_EXHAUSTED) {
                assertThat(d.runAt().plus(policy.padded(d.estimatedRunTime()))).isBeforeOrEqualTo(deadline);
                planned++;
            }
        }
        assertThat(planned).isGreaterThan(500);
    }
}

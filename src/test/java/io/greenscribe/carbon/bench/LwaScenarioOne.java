package io.greenscribe.carbon.bench;

import io.greenscribe.testing.MutableClock;
import io.greenscribe.carbon.CapacityLedger;
import io.greenscribe.carbon.CarbonPlanner;
import io.greenscribe.carbon.OutagePolicy;
import io.greenscribe.carbon.PlanRequest;
import io.greenscribe.carbon.PlannerPolicy;
import io.greenscribe.carbon.ThroughputEstimator;
import io.greenscribe.carbon.trace.RecordedTrace;
import io.greenscribe.carbon.trace.TraceCarbonFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Let's Wait Awhile, Scenario I: one 30-minute job a night, nominally at 01:00, that may move within
 * ±X hours; every day of 2020 on the 30-minute grid (rows at :00 and :30, as the paper's simulator
 * keeps); forecast = actual + N(0, e · mean) per slot; 10 seeds. Our planner decides at the window
 * opening with the paper's assumptions: exact run time, no safety margin, unlimited capacity.
 */
final class LwaScenarioOne {

    private LwaScenarioOne() {
    }

    /** The 2020 rows on the half-hour grid. */
    static RecordedTrace grid2020(RecordedTrace t) {
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant to = Instant.parse("2021-01-02T00:00:00Z");
        for (Instant s = from; s.isBefore(to); s = s.plus(Duration.ofMinutes(30))) {
            times.add(s);
            values.add(t.slots(s, s.plusSeconds(1)).get(0).gCo2PerKwh());
        }
        return new RecordedTrace(t.name(), t.signalType(), times, values);
    }

    /** Saving against running at 01:00, in % of the baseline emissions, mean over seeds. */
    static double saving(RecordedTrace grid, Duration window, double error, int seeds) {
        double sum = 0;
        for (int seed = 0; seed < seeds; seed++) {
            Random rnd = new Random(seed);
            double sd = error * grid.meanValue();
            RecordedTrace forecast = error == 0 ? grid : grid.map(grid.name() + "+noise", i -> sd * rnd.nextGaussian());
            sum += once(grid, forecast, window);
            if (error == 0) {
                return sum;
            }
        }
        return sum / seeds;
    }

    private static double once(RecordedTrace actual, RecordedTrace forecast, Duration window) {
        MutableClock clock = new MutableClock(actual.start());
        PlannerPolicy paper = new PlannerPolicy(1.0, Duration.ZERO, 0, Duration.ofHours(48), OutagePolicy.RUN_NOW);
        CarbonPlanner planner = new CarbonPlanner(new TraceCarbonFeed(forecast, false, clock), clock,
                new ThroughputEstimator(1.0, 0.2), CapacityLedger.unlimited(), paper);
        Duration job = Duration.ofMinutes(30);
        double baseline = 0;
        double shifted = 0;
        Instant day = Instant.parse("2020-01-01T00:00:00Z");
        for (int d = 0; d < 366; d++, day = day.plus(Duration.ofDays(1))) {
            Instant nominal = day.plus(Duration.ofHours(1));
            Instant opens = nominal.minus(window);
            if (opens.isBefore(actual.start())) {
                continue; // the paper's year starts at 2020-01-01 00:00: the first night's window is cut
            }
            clock.set(opens);
            Instant runAt = planner.plan(PlanRequest.withDeadline("n" + d, Replay.ZONE, "cpu", job, opens,
                    nominal.plus(window).plus(job)).withRunTime(job)).runAt();
            baseline += actual.integral(nominal.getEpochSecond(), nominal.plus(job).getEpochSecond());
            shifted += actual.integral(runAt.getEpochSecond(), runAt.plus(job).getEpochSecond());
        }
        return (baseline - shifted) / baseline * 100;
    }
}

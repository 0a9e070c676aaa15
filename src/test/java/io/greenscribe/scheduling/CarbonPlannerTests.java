package io.greenscribe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonFeedException.Kind;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarbonPlannerTests {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);
    static final GridZone GB = GridZone.of("GB");

    final MutableClock clock = new MutableClock(T0);
    final StubFeed feed = new StubFeed(clock);
    final PlannerPolicy exact =
            PlannerPolicy.greedy(1.0, Duration.ZERO, 0.0, Duration.ofHours(48), OutagePolicy.LATEST_SAFE_START);

    CarbonPlanner planner(PlannerPolicy policy, CapacityLedger ledger) {
        return new CarbonPlanner(feed, clock, new ThroughputEstimator(1.0, 0.2), ledger, policy);
    }

    CarbonPlanner planner() {
        return planner(exact, CapacityLedger.unlimited());
    }

    static PlanRequest job(String id, Duration runTime, Instant deadline) {
        return PlanRequest.withDeadline(TestIds.id(id), GB, "cpu", runTime, T0, deadline)
                .withRunTime(runTime);
    }

    @Test
    void aJobWithoutDeadlineRunsAtOnce() {
        // given
        feed.serve(T0, HOUR, 300, 100, 300);

        // when
        SchedulingDecision d = planner().plan(PlanRequest.withoutDeadline(TestIds.id("j"), GB, "cpu", HOUR, T0));

        // then
        assertThat(d.runAt()).isEqualTo(T0);
        assertThat(d.reason()).isEqualTo(Reason.NO_DEADLINE);
        assertThat(d.waits()).isFalse();
    }

    @Test
    void runNowOverridesAGreenerWindow() {
        feed.serve(T0, HOUR, 300, 100, 300);
        SchedulingDecision d =
                planner().plan(job("j", HOUR, T0.plus(HOUR.multipliedBy(3))).runningNow());
        assertThat(d.runAt()).isEqualTo(T0);
        assertThat(d.reason()).isEqualTo(Reason.RUN_NOW_REQUESTED);
    }

    @Test
    void picksTheGreenestRunNotTheGreenestInstant() {
        // given: 02:00 is the single greenest hour, but a 3-hour run is greenest from 05:00
        feed.serve(T0, HOUR, 300, 300, 100, 400, 400, 150, 150, 150, 300, 300, 300, 300);

        // when
        SchedulingDecision d = planner().plan(job("j", Duration.ofHours(3), T0.plus(HOUR.multipliedBy(12))));

        // then
        assertThat(d.runAt()).isEqualTo(T0.plus(HOUR.multipliedBy(5)));
        assertThat(d.reason()).isEqualTo(Reason.GREENEST_WINDOW);
        assertThat(d.expectedIntensity()).isCloseTo(150, within(1e-9));
        assertThat(d.baselineIntensity()).isCloseTo(700 / 3.0, within(1e-9));
        assertThat(d.expectedSavingPct()).isCloseTo((700 / 3.0 - 150) / (700 / 3.0) * 100, within(1e-9));
        assertThat(d.forecastSource()).isEqualTo("stub");
        assertThat(d.detail()).contains("waiting 300 min");
    }

    @Test
    void startsBetweenSlotsWhenTheRunEndsBestOnABoundary() {
        // given 200 | 100 | 500: a 90-min run is greenest from 00:30 (ending as the 500 begins)
        feed.serve(T0, HOUR, 200, 100, 500, 500);

        // when
        SchedulingDecision d = planner().plan(job("j", Duration.ofMinutes(90), T0.plus(HOUR.multipliedBy(4))));

        // then
        assertThat(d.runAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(d.expectedIntensity()).isCloseTo((200 * 30 + 100 * 60) / 90.0, within(1e-9));
    }

    @Test
    void nowIsChosenWhenItIsTheGreenest() {
        feed.serve(T0, HOUR, 100, 200, 300);
        SchedulingDecision d = planner().plan(job("j", HOUR, T0.plus(HOUR.multipliedBy(3))));
        assertThat(d.runAt()).isEqualTo(T0);
        assertThat(d.reason()).isEqualTo(Reason.GREENEST_NOW);
        assertThat(d.expectedSavingPct()).isZero();
    }

    @Test
    void aTinySavingIsNotWorthTheWait() {
        // given a 0.5 % dip and a 1 % threshold
        feed.serve(T0, HOUR, 200, 199, 200);
        PlannerPolicy policy =
                PlannerPolicy.greedy(1.0, Duration.ZERO, 1.0, Duration.ofHours(48), OutagePolicy.LATEST_SAFE_START);

        // when
        SchedulingDecision d =
                planner(policy, CapacityLedger.unlimited()).plan(job("j", HOUR, T0.plus(HOUR.multipliedBy(3))));

        // then
        assertThat(d.runAt()).isEqualTo(T0);
        assertThat(d.reason()).isEqualTo(Reason.SAVING_TOO_SMALL);
    }

    @Test
    void theSafetyMarginKeepsTheRunClearOfTheDeadline() {
        // given the greenest hour is the last before the deadline; 1.2 × 1 h + 6 min needs 78 min
        feed.serve(T0, HOUR, 300, 300, 300, 100);
        PlannerPolicy policy = PlannerPolicy.greedy(
                1.2, Duration.ofMinutes(6), 0, Duration.ofHours(48), OutagePolicy.LATEST_SAFE_START);

        // when
        SchedulingDecision d =
                planner(policy, CapacityLedger.unlimited()).plan(job("j", HOUR, T0.plus(HOUR.multipliedBy(4))));

        // then: it starts at the latest safe start, as close to the green hour as the margin allows
        assertThat(d.latestSafeStart()).isEqualTo(T0.plus(Duration.ofMinutes(240 - 78)));
        assertThat(d.runAt()).isEqualTo(d.latestSafeStart());
        assertThat(d.runAt().plus(Duration.ofMinutes(78))).isBeforeOrEqualTo(T0.plus(HOUR.multipliedBy(4)));
    }

    @Test
    void aDeadlineTooCloseToWaitRunsNow() {
        feed.serve(T0, HOUR, 300, 100, 100, 100);
        SchedulingDecision d = planner().plan(job("j", Duration.ofHours(3), T0.plus(Duration.ofMinutes(170))));
        assertThat(d.runAt()).isEqualTo(T0);
        assertThat(d.reason()).isEqualTo(Reason.DEADLINE_TOO_TIGHT);
    }

    @Test
    void aFeedOutageFallsBackToTheLatestSafeStart() {
        // given
        feed.fail(new CarbonFeedException(Kind.TIMEOUT, "stub", "no answer"));

        // when
        SchedulingDecision d = planner().plan(job("j", HOUR, T0.plus(HOUR.multipliedBy(8))));

        // then
        assertThat(d.reason()).isEqualTo(Reason.FEED_UNAVAILABLE);
        assertThat(d.runAt()).isEqualTo(T0.plus(HOUR.multipliedBy(7)));
        assertThat(d.detail()).contains("TIMEOUT").contains("LATEST_SAFE_START");
        assertThat(d.expectedIntensity()).isNaN();
    }

    @Test
    void aFeedOutageRunsNowWhenThePolicySaysSo() {
        feed.fail(new IllegalStateException("boom"));
        PlannerPolicy runNow = PlannerPolicy.greedy(1.0, Duration.ZERO, 0, Duration.ofHours(48), OutagePolicy.RUN_NOW);
        SchedulingDecision d =
                planner(runNow, CapacityLedger.unlimited()).plan(job("j", HOUR, T0.plus(HOUR.multipliedBy(8))));
        assertThat(d.reason()).isEqualTo(Reason.FEED_UNAVAILABLE);
        assertThat(d.runAt()).isEqualTo(T0);
    }

    @Test
    void aForecastTooShortForTheRunIsNoForecast() {
        feed.serve(T0, HOUR, 100);
        SchedulingDecision d = planner().plan(job("j", Duration.ofHours(3), T0.plus(HOUR.multipliedBy(8))));
        assertThat(d.reason()).isEqualTo(Reason.NO_FORECAST);
        assertThat(d.runAt()).isEqualTo(T0.plus(HOUR.multipliedBy(5)));
    }

    @Test
    void jobsPlannedIntoTheSameWindowShareTheDevice() {
        // given one worker and one green hour
        feed.serve(T0, HOUR, 300, 100, 200, 300, 300, 300);
        CapacityLedger ledger = new CapacityLedger(Map.of("cpu", 1), 1, Duration.ofMinutes(5));
        CarbonPlanner planner = planner(exact, ledger);

        // when
        SchedulingDecision first = planner.plan(job("a", HOUR, T0.plus(HOUR.multipliedBy(6))));
        SchedulingDecision second = planner.plan(job("b", HOUR, T0.plus(HOUR.multipliedBy(6))));

        // then
        assertThat(first.runAt()).isEqualTo(T0.plus(HOUR));
        assertThat(first.reason()).isEqualTo(Reason.GREENEST_WINDOW);
        assertThat(second.runAt()).isEqualTo(T0.plus(HOUR.multipliedBy(2)));
        assertThat(second.reason()).isEqualTo(Reason.CAPACITY_CONSTRAINED);
        assertThat(ledger.bookedAt("cpu", T0.plus(Duration.ofMinutes(90)))).isEqualTo(1);
    }

    @Test
    void aFullDeviceStillGetsTheJobStartedNotStuck() {
        // given the only worker is booked for the whole window
        feed.serve(T0, HOUR, 300, 100, 200, 300, 300, 300);
        CapacityLedger ledger = new CapacityLedger(Map.of("cpu", 1), 1, Duration.ofMinutes(5));
        CarbonPlanner planner = planner(exact, ledger);
        planner.plan(
                job("long", Duration.ofHours(6), T0.plus(HOUR.multipliedBy(6))).runningNow());

        // when
        SchedulingDecision d = planner.plan(job("b", HOUR, T0.plus(HOUR.multipliedBy(5))));

        // then
        assertThat(d.reason()).isEqualTo(Reason.CAPACITY_EXHAUSTED);
        assertThat(d.runAt()).isEqualTo(T0);
    }

    @Test
    void releasingABookingFreesTheWindow() {
        feed.serve(T0, HOUR, 300, 100, 200, 300);
        CapacityLedger ledger = new CapacityLedger(Map.of(), 1, Duration.ofMinutes(5));
        CarbonPlanner planner = planner(exact, ledger);
        planner.plan(job("a", HOUR, T0.plus(HOUR.multipliedBy(4))));
        planner.release(TestIds.id("a"));
        assertThat(planner.plan(job("b", HOUR, T0.plus(HOUR.multipliedBy(4)))).runAt())
                .isEqualTo(T0.plus(HOUR));
    }

    @Test
    void waitingJobsAreReplannedWhenANewerForecastArrives() {
        // given a job waiting for 04:00 under the first forecast
        feed.serve(T0, HOUR, 300, 300, 300, 300, 100, 300, 300, 300);
        CarbonPlanner planner = planner();
        PlanRequest request = job("j", HOUR, T0.plus(HOUR.multipliedBy(8)));
        SchedulingDecision first = planner.plan(request);
        assertThat(first.runAt()).isEqualTo(T0.plus(HOUR.multipliedBy(4)));

        // when an hour later the provider says 02:00 will be greener
        clock.advance(HOUR);
        List<SchedulingDecision> unchanged = planner.replan(List.of(WaitingJob.under(request, first)));
        feed.serve(T0, HOUR, 300, 300, 50, 300, 100, 300, 300, 300);
        List<SchedulingDecision> replanned = planner.replan(List.of(WaitingJob.under(request, first)));

        // then
        assertThat(unchanged).isEmpty();
        assertThat(replanned).singleElement().satisfies(d -> {
            assertThat(d.runAt()).isEqualTo(T0.plus(HOUR.multipliedBy(2)));
            assertThat(d.forecastFetchedAt()).isEqualTo(clock.instant());
            assertThat(d.decidedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void jobsAlreadyDueAreLeftToTheQueue() {
        feed.serve(T0, HOUR, 100, 300);
        CarbonPlanner planner = planner();
        PlanRequest request = job("j", HOUR, T0.plus(HOUR.multipliedBy(2)));
        SchedulingDecision d = planner.plan(request);
        clock.advance(Duration.ofMinutes(1));
        feed.serve(T0, HOUR, 300, 100);
        assertThat(planner.replan(List.of(WaitingJob.under(request, d)))).isEmpty();
    }

    @Test
    void theThroughputEstimateSetsTheRunTime() {
        // given a device measured at 4× real time
        feed.serve(T0, HOUR, 300, 300, 300, 300);
        ThroughputEstimator speed = new ThroughputEstimator(1.0, 0.5);
        for (int i = 0; i < 5; i++) {
            speed.record("gpu", Duration.ofHours(4), HOUR);
        }
        CarbonPlanner planner = new CarbonPlanner(feed, clock, speed, CapacityLedger.unlimited(), exact);

        // when
        SchedulingDecision d = planner.plan(PlanRequest.withDeadline(
                TestIds.id("j"), GB, "gpu", Duration.ofHours(2), T0, T0.plus(HOUR.multipliedBy(4))));

        // then
        assertThat(d.estimatedRunTime()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aShareOfTheSlackIsKeptAsMarginSoTheEndOfALongWindowIsNotPlannedInto() {
        // given a 1-h job with 10 h to its deadline and the greenest hour at 08:00, the last that fits
        feed.serve(T0, HOUR, 300, 300, 300, 300, 300, 300, 200, 300, 50, 300);
        PlannerPolicy reserve = PlannerPolicy.greedy(1.0, Duration.ZERO, 0, Duration.ofHours(48), OutagePolicy.RUN_NOW)
                .withShares(1.0, 0.4);

        // when 40 % of its 9 h of slack are kept in hand
        SchedulingDecision d =
                planner(reserve, CapacityLedger.unlimited()).plan(job("j", HOUR, T0.plus(HOUR.multipliedBy(10))));

        // then it may start no later than 05:24, and takes the greenest run up to then (06:00 is out of reach)
        assertThat(d.latestSafeStart()).isEqualTo(T0.plus(Duration.ofMinutes(5 * 60 + 24)));
        assertThat(d.runAt()).isBeforeOrEqualTo(d.latestSafeStart());
        assertThat(planner(exact, CapacityLedger.unlimited())
                        .plan(job("k", HOUR, T0.plus(HOUR.multipliedBy(10))))
                        .runAt())
                .isEqualTo(T0.plus(HOUR.multipliedBy(8)));
    }

    @Test
    void aLateStartMovesTheBookingWithTheRun() {
        // given a job booked for 01:00-02:00 on the only worker, which got a worker only at 01:30
        feed.serve(T0, HOUR, 300, 100, 300, 300, 300, 300);
        CapacityLedger ledger = new CapacityLedger(Map.of("cpu", 1), 1, Duration.ofMinutes(5));
        CarbonPlanner planner = planner(exact, ledger);
        assertThat(planner.plan(job("a", HOUR, T0.plus(HOUR.multipliedBy(6)))).runAt())
                .isEqualTo(T0.plus(HOUR));

        // when
        planner.started(TestIds.id("a"), T0.plus(Duration.ofMinutes(90)));

        // then the ledger holds the worker for the real run, 01:30-02:30
        assertThat(ledger.bookedAt("cpu", T0.plus(Duration.ofMinutes(75)))).isZero();
        assertThat(ledger.bookedAt("cpu", T0.plus(Duration.ofMinutes(135)))).isEqualTo(1);
    }

    @Test
    void patientJobsLeaveHeadroomForUrgentOnes() {
        // given 4 workers, 75 % for jobs with more than 2 h of slack, one green hour
        feed.serve(T0, HOUR, 300, 100, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300);
        PlannerPolicy policy = PlannerPolicy.greedy(1.0, Duration.ZERO, 0, Duration.ofHours(48), OutagePolicy.RUN_NOW)
                .withUrgentSlack(Duration.ofHours(2))
                .withShares(0.75, 0.0);
        CapacityLedger ledger = new CapacityLedger(Map.of(), 4, Duration.ofMinutes(1));
        CarbonPlanner planner = planner(policy, ledger);

        // when four patient jobs want the green hour
        for (int i = 0; i < 4; i++) {
            planner.plan(job("p" + i, HOUR, T0.plus(HOUR.multipliedBy(12))));
        }

        // then only three get it, and an urgent job still finds a worker there
        assertThat(ledger.bookedAt("cpu", T0.plus(Duration.ofMinutes(90)))).isEqualTo(3);
        SchedulingDecision urgent = planner.plan(job("u", HOUR, T0.plus(HOUR.multipliedBy(2))));
        assertThat(urgent.runAt()).isEqualTo(T0.plus(HOUR));
    }

    @Test
    void aJobWithoutDeadlineTakesTheFirstFreeWorker() {
        feed.serve(T0, HOUR, 300, 300, 300);
        CapacityLedger ledger = new CapacityLedger(Map.of(), 1, Duration.ofMinutes(1));
        CarbonPlanner planner = planner(exact, ledger);
        planner.plan(job("busy", HOUR, T0.plus(HOUR.multipliedBy(3))).runningNow());
        SchedulingDecision d = planner.plan(PlanRequest.withoutDeadline(TestIds.id("j"), GB, "cpu", HOUR, T0));
        assertThat(d.reason()).isEqualTo(Reason.NO_DEADLINE);
        assertThat(d.runAt()).isEqualTo(T0.plus(HOUR));
    }
}

package io.greenscribe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.scheduling.PlannerPolicy.Solver;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The global schedule: joint placement under capacity, do no harm, and the bar per hour of delay. */
class GlobalScheduleTests {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);
    static final GridZone GB = GridZone.of("GB");

    final MutableClock clock = new MutableClock(T0);
    final StubFeed feed = new StubFeed(clock);

    /** Exact run times, no margins, no bars: what the flow does, undisturbed. */
    PlannerPolicy exact(double savingPerHour) {
        return PlannerPolicy.greedy(1.0, Duration.ZERO, 0.0, Duration.ofHours(48), OutagePolicy.RUN_NOW)
                .withSolver(Solver.GLOBAL)
                .withSavingPerHour(savingPerHour);
    }

    CarbonPlanner planner(PlannerPolicy policy, int workers) {
        return new CarbonPlanner(
                feed,
                clock,
                new ThroughputEstimator(1.0, 0.2),
                new CapacityLedger(Map.of("cpu", workers), workers, Duration.ofMinutes(1)),
                policy);
    }

    static PlanRequest job(String name, Instant deadline) {
        return PlanRequest.withDeadline(TestIds.id(name), GB, "cpu", HOUR, T0, deadline)
                .withRunTime(HOUR);
    }

    @Test
    void onOneWorkerTheReplanGivesTheOnlyGreenHourToTheJobThatCannotReachTheOtherOne() {
        // given 400 g/kWh now, 50 at 02:00, 100 at 05:00, 300 otherwise; one job may run until 09:00, one must be done
        // by 03:00
        feed.serve(T0, HOUR, 400, 300, 50, 300, 300, 100, 300, 300, 300, 300, 300, 300);
        CarbonPlanner planner = planner(exact(0), 1);
        PlanRequest patient = job("patient", T0.plus(HOUR.multipliedBy(9)));
        PlanRequest tight = job("tight", T0.plus(HOUR.multipliedBy(3)));
        // planned one by one, the patient job takes 02:00 and the tight one is left with 01:00 at 300 g/kWh
        SchedulingDecision first = planner.plan(patient);
        SchedulingDecision second = planner.plan(tight);
        assertThat(first.runAt()).isEqualTo(T0.plus(HOUR.multipliedBy(2)));
        assertThat(second.expectedIntensity()).isEqualTo(300.0);

        // when the whole waiting set is re-planned as one schedule
        clock.advance(Duration.ofMinutes(1));
        feed.serve(T0, HOUR, 400, 300, 50, 300, 300, 100, 300, 300, 300, 300, 300, 300);
        List<SchedulingDecision> again =
                planner.replan(List.of(WaitingJob.under(patient, first), WaitingJob.under(tight, second)));

        // then the tight job gets 02:00 and the patient one 05:00: 150 g/kWh-hours instead of 350
        assertThat(again)
                .extracting(SchedulingDecision::jobId, SchedulingDecision::runAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(patient.jobId(), T0.plus(HOUR.multipliedBy(5))),
                        org.assertj.core.groups.Tuple.tuple(tight.jobId(), T0.plus(HOUR.multipliedBy(2))));
    }

    @Test
    void anInterruptibleJobRunsInTheGreenHoursApartAndAContiguousOneInTheGreenestRun() {
        // given 400 g/kWh now, green hours at 01:00 (50) and 04:00 (60), 300 otherwise, and a 2-h job due by 08:00
        feed.serve(T0, HOUR, 400, 50, 300, 300, 60, 300, 300, 300, 300, 300);
        PlanRequest contiguous = PlanRequest.withDeadline(
                        TestIds.id("whole"), GB, "cpu", HOUR.multipliedBy(2), T0, T0.plus(HOUR.multipliedBy(8)))
                .withRunTime(HOUR.multipliedBy(2));

        // when it may pause between windows
        SchedulingDecision pieces = planner(exact(0), 1).plan(contiguous.interruptibly(true));
        SchedulingDecision whole = planner(exact(0), 1).plan(contiguous);

        // then it runs 01:00-02:00 and 04:00-05:00 at 55 g/kWh, where one run from 01:00 averages 175
        assertThat(pieces.pieces())
                .containsExactly(
                        new RunPiece(T0.plus(HOUR), T0.plus(HOUR.multipliedBy(2))),
                        new RunPiece(T0.plus(HOUR.multipliedBy(4)), T0.plus(HOUR.multipliedBy(5))));
        assertThat(pieces.runAt()).isEqualTo(T0.plus(HOUR));
        assertThat(pieces.expectedIntensity()).isEqualTo(55.0);
        assertThat(whole.pieces()).isEmpty();
        assertThat(whole.runAt()).isEqualTo(T0.plus(HOUR));
        assertThat(whole.expectedIntensity()).isEqualTo(175.0);
    }

    @Test
    void theGapsBetweenAJobsPiecesStayFreeForOtherWork() {
        // given one worker and a 2-h interruptible job in the green hours 01:00 and 04:00
        feed.serve(T0, HOUR, 300, 50, 300, 300, 60, 300, 300, 300, 300, 300);
        CarbonPlanner planner = planner(exact(0), 1);
        planner.plan(PlanRequest.withDeadline(
                        TestIds.id("pieces"), GB, "cpu", HOUR.multipliedBy(2), T0, T0.plus(HOUR.multipliedBy(8)))
                .withRunTime(HOUR.multipliedBy(2))
                .interruptibly(true));

        // then the worker is booked in the pieces only, not in the gap between them
        assertThat(planner.bookedAt("cpu", T0.plus(Duration.ofMinutes(90)))).isEqualTo(1);
        assertThat(planner.bookedAt("cpu", T0.plus(Duration.ofMinutes(150)))).isZero();
        assertThat(planner.bookedAt("cpu", T0.plus(Duration.ofMinutes(270)))).isEqualTo(1);
    }

    @Test
    void aJobIsNeverPlannedIntoDirtierPowerThanItsFirstFreeWorkerGives() {
        // given power that only gets dirtier, and the one worker busy for the first hour
        feed.serve(T0, HOUR, 100, 150, 200, 250, 300, 350);
        CarbonPlanner planner = planner(exact(0), 1);
        planner.plan(job("busy", T0.plus(HOUR.multipliedBy(5))).runningNow());

        SchedulingDecision d = planner.plan(job("j", T0.plus(HOUR.multipliedBy(5))));

        // then it is booked at the first free worker, which is as soon as the queue could serve it,
        // and into no later, dirtier hour
        assertThat(d.runAt()).isEqualTo(T0.plus(HOUR));
        assertThat(d.reason()).isEqualTo(Reason.CAPACITY_CONSTRAINED);
        assertThat(d.expectedSavingPct()).isZero();
    }

    @Test
    void aSmallSavingFarAwayDoesNotClearTheBarPerHourOfDelay() {
        // given 5 % less twenty hours from now
        double[] values = new double[26];
        java.util.Arrays.fill(values, 200);
        values[20] = 190;
        feed.serve(T0, HOUR, values);
        PlanRequest r = job("j", T0.plus(HOUR.multipliedBy(24)));

        // then with a bar of 0.5 %/h (needs 10 % at 20 h) it runs now, without one it waits
        assertThat(planner(exact(0.5), 1).plan(r).runAt()).isEqualTo(T0);
        assertThat(planner(exact(0), 1).plan(r).runAt()).isEqualTo(T0.plus(HOUR.multipliedBy(20)));
    }

    @Test
    void aJobWithoutADeadlineRunsAtOnceEvenWhenPlannedWorkHoldsTheWorker() {
        feed.serve(T0, HOUR, 50, 300, 300, 300);
        CarbonPlanner planner = planner(exact(0), 1);
        planner.plan(job("planned", T0.plus(HOUR.multipliedBy(3))));

        SchedulingDecision d = planner.plan(PlanRequest.withoutDeadline(TestIds.id("free"), GB, "cpu", HOUR, T0));

        assertThat(d.runAt()).isEqualTo(T0);
        assertThat(d.reason()).isEqualTo(Reason.NO_DEADLINE);
    }

    @Test
    void workersAreHeldBackForTheUnplannedWorkThatArrives() {
        // given two workers and, over the last day, unplanned runs that kept one of them busy all the time
        feed.serve(T0, HOUR, 300, 300, 50, 300, 300, 300);
        CarbonPlanner planner = planner(exact(0), 2);
        for (int h = 0; h < 24; h++) {
            clock.set(T0.minus(HOUR.multipliedBy(24 - h)));
            planner.plan(PlanRequest.withoutDeadline(TestIds.id("u" + h), GB, "cpu", HOUR, clock.instant())
                    .withRunTime(HOUR));
        }
        clock.set(T0);

        // when two patient jobs want the one green hour
        SchedulingDecision a = planner.plan(job("a", T0.plus(HOUR.multipliedBy(5))));
        SchedulingDecision b = planner.plan(job("b", T0.plus(HOUR.multipliedBy(5))));

        // then only one of them gets it: the other worker is left to the unplanned work
        assertThat(List.of(a.runAt(), b.runAt())).containsOnlyOnce(T0.plus(HOUR.multipliedBy(2)));
    }

    @Test
    void whenTheWorkersAreContestedAWaitingJobIsComparedWithTheStartTheQueueWouldGiveIt() {
        // given flat green power for three hours, then dirtier, and one worker; three 1-h jobs due by 06:00
        feed.serve(T0, HOUR, 100, 100, 100, 200, 200, 200, 200, 200);
        CarbonPlanner planner = planner(exact(0), 1);
        List<WaitingJob> waiting = new java.util.ArrayList<>();
        for (String name : new String[] {"a", "b", "c"}) {
            PlanRequest r = job(name, T0.plus(HOUR.multipliedBy(6)));
            waiting.add(WaitingJob.under(r, planner.plan(r)));
        }

        // when they are re-planned together
        clock.advance(Duration.ofMinutes(1));
        List<SchedulingDecision> again = planner.replan(waiting);

        // then each gets one of the green hours (only one could start now): none is left to queue
        // behind the others into the dirty hours, as when "at once" meant the arrival for all three
        assertThat(again).extracting(SchedulingDecision::expectedIntensity).containsOnly(100.0);
        assertThat(again).extracting(SchedulingDecision::runAt).doesNotHaveDuplicates();
    }

    @Test
    void aRunsOverrunAllowanceDoesNotTakeTheNextSlotFromPlannedWork() {
        // given one worker running a 1-h job booked with its 1.1 factor (66 min), green power from 01:00
        feed.serve(T0, HOUR, 300, 100, 300, 300, 300, 300);
        CarbonPlanner planner = planner(PlannerPolicy.defaults(), 1);
        planner.plan(job("running", T0.plus(HOUR.multipliedBy(5))).runningNow());

        // when a job due by 05:00 is planned
        SchedulingDecision d = planner.plan(job("next", T0.plus(HOUR.multipliedBy(5))));

        // then it takes the green hour right after the run, not a slot later
        assertThat(d.runAt()).isEqualTo(T0.plus(HOUR));
    }
}

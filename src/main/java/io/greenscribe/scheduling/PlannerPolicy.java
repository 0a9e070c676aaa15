package io.greenscribe.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * How the planner plans and how cautious it is.
 *
 * @param runTimeFactor the estimated run time is multiplied by this (≥ 1) when checking the deadline
 * @param safetyMargin plus this fixed margin (queue claim, model load, decode)
 * @param minSavingPct wait only if the forecast saving is at least this many percent
 * @param horizon how far ahead forecasts are requested
 * @param outagePolicy what to do without a usable forecast
 * @param urgentSlack a job with less slack than this may use every worker of its device (greedy)
 * @param flexibleShare the share of a device's workers that jobs with more slack may book (greedy)
 * @param slackReserve the share of a job's slack it never plans into (greedy; the global schedule
 *     keeps deadlines by feasibility instead)
 * @param solver one global schedule of all waiting work, or the per-job greedy search of old
 * @param minSavingPctPerHour wait only if the saving is at least this many percent per hour of delay
 * @param slot the global schedule's slot length
 * @param holdBackFloor workers held back for work the planner does not place (no deadline, run now,
 *     urgent arrivals) at the least, whatever the measured arrival rate says
 */
public record PlannerPolicy(
        double runTimeFactor,
        Duration safetyMargin,
        double minSavingPct,
        Duration horizon,
        OutagePolicy outagePolicy,
        Duration urgentSlack,
        double flexibleShare,
        double slackReserve,
        Solver solver,
        double minSavingPctPerHour,
        Duration slot,
        double holdBackFloor) {

    /** Which planner places jobs. */
    public enum Solver {
        /** Min-cost flow over every waiting job: slots × capacity ({@link GlobalSchedule}). */
        GLOBAL,
        /** Each job on its own, greenest window with room first ({@link WindowSearch}): the planner until 2026-12. */
        GREEDY
    }

    public PlannerPolicy {
        if (runTimeFactor < 1) {
            throw new IllegalArgumentException("runTimeFactor must be >= 1, was " + runTimeFactor);
        }
        if (slackReserve < 0 || slackReserve >= 1) {
            throw new IllegalArgumentException("slackReserve must be in [0, 1), was " + slackReserve);
        }
        if (slot.getSeconds() < 60) {
            throw new IllegalArgumentException("slot must be at least 1 min, was " + slot);
        }
    }

    /** The bar per hour of delay the defaults use (docs/carbon.md, "Do no harm"). */
    public static final double DEFAULT_SAVING_PER_HOUR = 0.1;

    /** The server's defaults: one global schedule, deadlines kept by feasibility, do no harm. */
    public static PlannerPolicy defaults() {
        return new Draft().build();
    }

    /** Greedy, without headroom for urgent jobs or reserved slack: every job may book every worker, up to its margin. */
    public static PlannerPolicy greedy(
            double runTimeFactor,
            Duration safetyMargin,
            double minSavingPct,
            Duration horizon,
            OutagePolicy outagePolicy) {
        return defaults().edit(d -> {
            d.runTimeFactor = runTimeFactor;
            d.safetyMargin = safetyMargin;
            d.minSavingPct = minSavingPct;
            d.horizon = horizon;
            d.outagePolicy = outagePolicy;
            d.solver = Solver.GREEDY;
            d.minSavingPctPerHour = 0.0;
        });
    }

    /** The defaults until 2026-12: greedy per job, 25 % of workers for urgent jobs, 40 % of slack kept in hand. */
    public static PlannerPolicy greedyDefaults() {
        return greedy(1.1, Duration.ofMinutes(30), 1.0, Duration.ofHours(72), OutagePolicy.RUN_NOW)
                .withUrgentSlack(Duration.ofHours(2))
                .withShares(0.75, 0.4);
    }

    /** The same policy with another outage policy. */
    public PlannerPolicy withOutagePolicy(OutagePolicy policy) {
        return edit(d -> d.outagePolicy = policy);
    }

    /** The same policy with another flexible share and slack reserve. */
    public PlannerPolicy withShares(double flexible, double reserve) {
        return edit(d -> {
            d.flexibleShare = flexible;
            d.slackReserve = reserve;
        });
    }

    /** The same policy with another slack under which a job counts as urgent (greedy). */
    public PlannerPolicy withUrgentSlack(Duration slack) {
        return edit(d -> d.urgentSlack = slack);
    }

    /** The same policy with another saving bar per hour of delay. */
    public PlannerPolicy withSavingPerHour(double pctPerHour) {
        return edit(d -> d.minSavingPctPerHour = pctPerHour);
    }

    /** The same policy with another run-time allowance: a job is planned for {@code factor} × its estimate plus {@code margin}. */
    public PlannerPolicy withRunTime(double factor, Duration margin) {
        return edit(d -> {
            d.runTimeFactor = factor;
            d.safetyMargin = margin;
        });
    }

    /** The same policy with other saving bars: overall (%) and per hour of delay (%/h). */
    public PlannerPolicy withSavingBars(double pct, double pctPerHour) {
        return edit(d -> {
            d.minSavingPct = pct;
            d.minSavingPctPerHour = pctPerHour;
        });
    }

    /** The same policy on slots of another length. */
    public PlannerPolicy withSlot(Duration length) {
        return edit(d -> d.slot = length);
    }

    /** The same policy with another solver. */
    public PlannerPolicy withSolver(Solver other) {
        return edit(d -> d.solver = other);
    }

    /** A copy with some components changed: the one place that lists all twelve. */
    PlannerPolicy edit(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A policy being edited; its initial values are the server's defaults. */
    static final class Draft {
        double runTimeFactor = 1.1;
        Duration safetyMargin = Duration.ofMinutes(30);
        double minSavingPct = 1.0;
        Duration horizon = Duration.ofHours(72);
        OutagePolicy outagePolicy = OutagePolicy.RUN_NOW;
        Duration urgentSlack = Duration.ZERO;
        double flexibleShare = 1.0;
        double slackReserve = 0.0;
        Solver solver = Solver.GLOBAL;
        double minSavingPctPerHour = DEFAULT_SAVING_PER_HOUR;
        Duration slot = Duration.ofMinutes(30);
        double holdBackFloor = 0.0;

        Draft() {}

        Draft(PlannerPolicy p) {
            runTimeFactor = p.runTimeFactor;
            safetyMargin = p.safetyMargin;
            minSavingPct = p.minSavingPct;
            horizon = p.horizon;
            outagePolicy = p.outagePolicy;
            urgentSlack = p.urgentSlack;
            flexibleShare = p.flexibleShare;
            slackReserve = p.slackReserve;
            solver = p.solver;
            minSavingPctPerHour = p.minSavingPctPerHour;
            slot = p.slot;
            holdBackFloor = p.holdBackFloor;
        }

        PlannerPolicy build() {
            return new PlannerPolicy(
                    runTimeFactor,
                    safetyMargin,
                    minSavingPct,
                    horizon,
                    outagePolicy,
                    urgentSlack,
                    flexibleShare,
                    slackReserve,
                    solver,
                    minSavingPctPerHour,
                    slot,
                    holdBackFloor);
        }
    }

    /**
     * The latest start that still leaves the margin before the deadline: the run time with its
     * factor, the fixed margin, and {@code slackReserve} of the slack. A job that may wait 20 h keeps
     * 8 h of it in hand: planned runs at the very end of long windows were the ones that missed
     * when jobs arriving later filled the workers (docs/carbon.md, "Deadlines").
     */
    public Instant latestSafeStart(Instant earliest, Instant deadline, Duration runTime) {
        Instant last = deadline.minus(padded(runTime));
        Duration slack = Duration.between(earliest, last);
        if (slack.isNegative() || slackReserve == 0) {
            return last;
        }
        return last.minusMillis(Math.round(slack.toMillis() * slackReserve));
    }

    /** The time a run of {@code runTime} must be planned to end before its deadline: factor and margin. */
    public Duration padded(Duration runTime) {
        return reserved(runTime).plus(safetyMargin);
    }

    /**
     * The time a run of {@code runTime} books a worker for: the factor covers an overrun; the fixed
     * margin guards the deadline, not the worker, so it is not booked.
     */
    public Duration reserved(Duration runTime) {
        return Duration.ofMillis(Math.round(runTime.toMillis() * runTimeFactor));
    }
}

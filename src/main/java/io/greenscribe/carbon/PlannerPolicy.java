package io.greenscribe.carbon;

import java.time.Duration;

/**
 * How cautious the planner is.
 *
 * @param runTimeFactor the estimated run time is multiplied by this (≥ 1) when checking the deadline
 * @param safetyMargin plus this fixed margin (queue claim, model load, decode)
 * @param minSavingPct wait only if the forecast saving is at least this many percent
 * @param horizon how far ahead forecasts are requested
 * @param outagePolicy what to do without a usable forecast
 * @param urgentSlack a job with less slack than this may use every worker of its device
 * @param flexibleShare the share of a device's workers that jobs with more slack may book
 */
public record PlannerPolicy(
        double runTimeFactor, Duration safetyMargin, double minSavingPct, Duration horizon, OutagePolicy outagePolicy,
        Duration urgentSlack, double flexibleShare) {

    /** Without headroom for urgent jobs: every job may book every worker. */
    public PlannerPolicy(double runTimeFactor, Duration safetyMargin, double minSavingPct, Duration horizon,
            OutagePolicy outagePolicy) {
        this(runTimeFactor, safetyMargin, minSavingPct, horizon, outagePolicy, Duration.ZERO, 1.0);
    }

    public PlannerPolicy {
        if (runTimeFactor < 1) {
            throw new IllegalArgumentException("runTimeFactor must be >= 1, was " + runTimeFactor);
        }
    }

    public static PlannerPolicy defaults() {
        return new PlannerPolicy(1.1, Duration.ofMinutes(30), 1.0, Duration.ofHours(72), OutagePolicy.RUN_NOW,
                Duration.ofHours(2), 0.75);
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

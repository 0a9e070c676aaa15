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
 */
public record PlannerPolicy(
        double runTimeFactor, Duration safetyMargin, double minSavingPct, Duration horizon, OutagePolicy outagePolicy) {

    public PlannerPolicy {
        if (runTimeFactor < 1) {
            throw new IllegalArgumentException("runTimeFactor must be >= 1, was " + runTimeFactor);
        }
    }

    public static PlannerPolicy defaults() {
        return new PlannerPolicy(1.2, Duration.ofMinutes(5), 1.0, Duration.ofHours(72), OutagePolicy.LATEST_SAFE_START);
    }

    /** The time to reserve for a run of {@code runTime}: padded by factor and margin. */
    public Duration padded(Duration runTime) {
        return Duration.ofMillis(Math.round(runTime.toMillis() * runTimeFactor)).plus(safetyMargin);
    }
}

package io.greenscribe.carbon;

import java.time.Duration;
import java.time.Instant;

/**
 * When a job runs and why: stored on the job and shown, never only logged. Intensities are in the
 * forecast's unit (g/kWh, average or marginal per {@code signalType}); NaN where no forecast was used.
 *
 * @param jobId the job
 * @param runAt when it should start
 * @param reason why this start
 * @param detail the reason in words, with the figures behind it
 * @param expectedIntensity forecast mean intensity over the planned run
 * @param expectedSavingPct forecast saving against starting at the earliest possible moment, in %
 * @param baselineIntensity forecast mean intensity had it started at the earliest possible moment
 * @param estimatedRunTime the run time the plan assumed
 * @param latestSafeStart the latest start that still meets the deadline with the safety margin, or null
 * @param decidedAt when the decision was taken
 * @param forecastSource the feed whose forecast was used, or null
 * @param forecastFetchedAt when that forecast was fetched, or null; re-planning compares it
 * @param signalType average or marginal, or null without forecast
 */
public record SchedulingDecision(
        String jobId,
        Instant runAt,
        Reason reason,
        String detail,
        double expectedIntensity,
        double expectedSavingPct,
        double baselineIntensity,
        Duration estimatedRunTime,
        Instant latestSafeStart,
        Instant decidedAt,
        String forecastSource,
        Instant forecastFetchedAt,
        SignalType signalType) {

    /** Why a job starts when it does. */
    public enum Reason {
        /** No deadline or window: it runs as soon as submitted. */
        NO_DEADLINE,
        /** The user asked to run it now. */
        RUN_NOW_REQUESTED,
        /** The run time with safety margin barely fits (or does not) before the deadline. */
        DEADLINE_TOO_TIGHT,
        /** Starting now is already the greenest feasible start. */
        GREENEST_NOW,
        /** Waiting for a greener window: the lowest forecast emissions over the whole run. */
        GREENEST_WINDOW,
        /** A greener window exists, but the saving is below the configured minimum. */
        SAVING_TOO_SMALL,
        /** The greenest window is full on this device; the greenest one with room. */
        CAPACITY_CONSTRAINED,
        /** No room before the deadline at all; started as early as possible. */
        CAPACITY_EXHAUSTED,
        /** The feed failed; fallback policy applied. */
        FEED_UNAVAILABLE,
        /** The forecast does not cover any feasible run; fallback policy applied. */
        NO_FORECAST
    }

    public boolean waits() {
        return runAt.isAfter(decidedAt);
    }
}

package io.greenscribe.scheduling;

import io.greenscribe.carbon.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * When a job runs and why: the one decision type, from the planner to the job row (which stores
 * {@link Reason} by name) and the API. Intensities are in the forecast's unit (g/kWh, average or
 * marginal per {@code signalType}); NaN where no forecast was used.
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
 * @param pieces for an interruptible job planned in several stretches, those stretches (the first
 *     starts at {@code runAt}); empty for one contiguous run from {@code runAt}
 */
public record SchedulingDecision(
        UUID jobId,
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
        SignalType signalType,
        List<RunPiece> pieces) {

    public SchedulingDecision {
        pieces = pieces == null ? List.of() : List.copyOf(pieces);
    }

    /** Why a job starts when it does; stored by name in {@code transcription_job.scheduling_reason}. */
    public enum Reason {
        /** Carbon-aware scheduling is off, or the job has no room to wait: it runs as soon as submitted. */
        RUN_NOW,
        /** It runs at the not-before time the client asked for. */
        NOT_BEFORE,
        /** The planner failed outright; the job runs as soon as it may. */
        PLANNER_ERROR,
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
        NO_FORECAST;

        /** For people: {@code GREENEST_WINDOW} reads "greenest window". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** A decision taken without a forecast: no intensities, no run-time estimate. */
    public static SchedulingDecision withoutForecast(
            UUID jobId, Instant runAt, Reason reason, String detail, Instant decidedAt) {
        return new SchedulingDecision(
                jobId,
                runAt,
                reason,
                detail,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                null,
                null,
                decidedAt,
                null,
                null,
                null,
                List.of());
    }

    /** The expected intensity as the job row keeps it: {@code null} when unknown. */
    public Double expectedIntensityOrNull() {
        return positive(expectedIntensity);
    }

    public Double baselineIntensityOrNull() {
        return positive(baselineIntensity);
    }

    public Double expectedSavingPctOrNull() {
        return Double.isFinite(expectedSavingPct) ? expectedSavingPct : null;
    }

    private static Double positive(double intensity) {
        return Double.isFinite(intensity) && intensity > 0 ? intensity : null;
    }

    public boolean waits() {
        return runAt.isAfter(decidedAt);
    }
}

package io.greenscribe.scheduling.bench;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.IntensitySlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The peers GreenScribe's planner is compared with; each decides once, at arrival. */
enum Strategy {
    /** Run as soon as a worker is free. */
    IMMEDIATE,
    /**
     * Let's Wait Awhile, non-interrupting (Wiesner et al. 2021, §4): among the start times on the
     * forecast's grid inside the window, the one with the lowest forecast mean over the job's duration.
     */
    LETS_WAIT_AWHILE,
    /** JobRunr-like: start at the single greenest forecast slot in the window, whatever the job's length. */
    GREENEST_SLOT,
    /** GreenScribe's CarbonPlanner (handled by the replay itself). */
    GREENSCRIBE;

    /** The start a baseline picks; {@code now} when it cannot do better or has no forecast. */
    Instant start(Instant now, Instant deadline, Duration runTime, Optional<CarbonForecast> forecast) {
        if (this == IMMEDIATE || deadline == null || forecast.isEmpty()) {
            return now;
        }
        Instant latest = deadline.minus(runTime);
        if (latest.isBefore(now)) {
            return now;
        }
        List<Instant> grid = new ArrayList<>();
        grid.add(now);
        for (IntensitySlot s : forecast.get().slots()) {
            if (s.start().isAfter(now) && !s.start().isAfter(latest)) {
                grid.add(s.start());
            }
        }
        Instant best = now;
        double bestValue = Double.MAX_VALUE;
        for (Instant s : grid) {
            Optional<Double> v = this == LETS_WAIT_AWHILE
                    ? forecast.get().meanIntensity(s, s.plus(runTime))
                    : forecast.get().meanIntensity(s, s.plusSeconds(1));
            if (v.isPresent() && v.get() < bestValue - 1e-9) {
                bestValue = v.get();
                best = s;
            }
        }
        return best;
    }
}

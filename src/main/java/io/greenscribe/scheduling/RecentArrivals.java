package io.greenscribe.scheduling;

import io.greenscribe.scheduling.GlobalSchedule.Work;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * The jobs with deadlines that arrived on this instance over the last {@code period}, and the work
 * they let us expect: the same arrivals again one period later (and later still, while they could
 * compete with work that waits now). The global schedule places that expected work beside the real
 * jobs, so a job waiting now does not take the green hours that the next day's arrivals will need
 * when it could as well run in hours they cannot reach. Without it the replays of an hourly workload
 * reached 0.78–0.81 of the capacity-limited optimum at 24 h slack on 2 workers (docs/carbon.md).
 *
 * <p>Arrivals are kept in classes (start, slack and run time to {@link #QUANTUM}; slack rounded
 * down, run time up), so 100 000 arrivals cost a few thousand expected classes, not 100 000 jobs.
 */
@RequiredArgsConstructor
final class RecentArrivals {

    static final long QUANTUM = 15 * 60;

    private final Duration period;
    /** Jobs already counted, so a job planned again is counted once, at its first arrival. */
    private final Map<UUID, Long> seen = new LinkedHashMap<>();
    /** By arrival (quantised): the classes that arrived then, with how many and their total run time. */
    private final TreeMap<Long, Map<Shape, long[]>> byArrival = new TreeMap<>();

    private record Shape(String device, long slackSec, long runSec, boolean interruptible) {}

    /** A job with a deadline arrived (or was planned again: then nothing changes). */
    void arrived(UUID job, Instant at, String device, Duration slack, Duration run, boolean interruptible) {
        long t = at.getEpochSecond();
        if (seen.putIfAbsent(job, t) != null) {
            return;
        }
        long slackSec = Math.max(0, slack.getSeconds()) / QUANTUM * QUANTUM;
        long runSec = Math.max(1, (run.getSeconds() + QUANTUM - 1) / QUANTUM * QUANTUM);
        long[] agg = byArrival
                .computeIfAbsent(Math.floorDiv(t, QUANTUM) * QUANTUM, k -> new HashMap<>())
                .computeIfAbsent(new Shape(device, slackSec, runSec, interruptible), k -> new long[2]);
        agg[0]++;
        agg[1] += run.getSeconds();
    }

    /**
     * The work expected on {@code device}: each class of the last period again a whole number of
     * periods later, after {@code now} and with an earliest start no later than {@code until}; as
     * classes, each with how many jobs it stands for.
     */
    List<GlobalSchedule.Expected> expected(String device, long now, long until) {
        long p = period.getSeconds();
        byArrival.headMap(now - p, true).clear();
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext() && it.next() <= now - p; ) {
            it.remove(); // in arrival order, as the planner sees them
        }
        List<GlobalSchedule.Expected> out = new ArrayList<>();
        for (Map.Entry<Long, Map<Shape, long[]>> e : byArrival.entrySet()) {
            for (Map.Entry<Shape, long[]> c : e.getValue().entrySet()) {
                Shape s = c.getKey();
                if (!s.device().equals(device)) {
                    continue;
                }
                long run = c.getValue()[1] / c.getValue()[0];
                for (long t = e.getKey() + p; t <= until; t += p) {
                    if (t > now) {
                        out.add(new GlobalSchedule.Expected(
                                new Work(t, t + s.slackSec(), run, run, s.interruptible()), (int) c.getValue()[0]));
                    }
                }
            }
        }
        return out;
    }
}

package io.greenscribe.scheduling;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.scheduling.CarbonPlanner.Expected;
import io.greenscribe.scheduling.CarbonPlanner.Planning;
import io.greenscribe.scheduling.GlobalSchedule.Work;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;

/**
 * Places jobs with deadlines through one {@link GlobalSchedule} per device, against what the
 * capacity ledger already holds (running, queued, unplanned work) less the workers held back for
 * work that arrives unplanned, and books the result. A job the forecast cannot place is left to
 * the caller's fallback (returned as {@code null}).
 */
@RequiredArgsConstructor
final class GlobalPlacement {

    private final ForecastIndex index;
    private final CapacityLedger ledger;
    private final PlannerPolicy policy;
    private final int holdBack;
    /** Work expected to arrive, weighed beside the real work; null: none. */
    private final RecentArrivals arrivals;

    private final Instant now;

    /** Decisions in the order of {@code jobs}; {@code null} where the forecast does not cover the job. */
    List<SchedulingDecision> place(List<Planning> jobs) {
        SchedulingDecision[] out = new SchedulingDecision[jobs.size()];
        Map<String, List<Integer>> byDevice = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            byDevice.computeIfAbsent(jobs.get(i).request.deviceId(), d -> new ArrayList<>())
                    .add(i);
        }
        long slot = policy.slot().getSeconds();
        for (Map.Entry<String, List<Integer>> e : byDevice.entrySet()) {
            String device = e.getKey();
            List<Work> work = new ArrayList<>();
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long lastStart = Long.MIN_VALUE;
            for (int i : e.getValue()) {
                Planning p = jobs.get(i);
                long earliest = p.earliest.getEpochSecond();
                long latest = p.latestSafe.getEpochSecond();
                // slots are held for the estimated run time: the overrun factor guards the deadline and
                // the ledger, and rounding 66 min up to three 30-min slots would waste a third of the workers
                long run = seconds(p.runTime.toMillis());
                work.add(new Work(earliest, latest, run, run, p.request.interruptible()));
                min = Math.min(min, earliest);
                max = Math.max(max, latest + seconds(p.reserved.toMillis()));
                lastStart = Math.max(lastStart, latest);
            }
            long origin = Math.floorDiv(min, slot) * slot;
            long end = Math.min(max, index.isEmpty() ? origin : index.end());
            int slots = (int) Math.max(1, (end - origin) / slot);
            int cap = ledger.capacity(device);
            GlobalSchedule.Solution solution = new GlobalSchedule(
                            index, slot, policy.minSavingPct(), policy.minSavingPctPerHour())
                    .solve(
                            work,
                            arrivals == null ? List.of() : arrivals.expected(device, now.getEpochSecond(), lastStart),
                            origin,
                            slots,
                            t -> free(device, cap, origin + t * slot, slot));
            for (int k = 0; k < solution.starts().length; k++) {
                int i = e.getValue().get(k);
                long[][] pieces = solution.pieces()[k];
                double atOnce = solution.baselines()[k];
                out[i] = pieces == null
                        ? decide(jobs.get(i), solution.starts()[k], atOnce)
                        : inPieces(jobs.get(i), pieces, atOnce);
            }
        }
        return java.util.Arrays.asList(out);
    }

    /**
     * Workers free in a slot: capacity less the busiest minute booked in its middle half (a run that
     * overruns a few minutes into the slot does not take it), less those held back.
     */
    private int free(String device, int cap, long from, long slot) {
        if (cap == Integer.MAX_VALUE) {
            return 1_000_000; // unlimited: below jgrapht's infinite capacity
        }
        // the middle half, as documented: a run booked with its overrun factor (1 h booked 66 min)
        // must not take the whole next slot; counting the whole slot left 2 of 3 slots usable
        int booked = ledger.booked(
                device, Instant.ofEpochSecond(from + slot / 4), Instant.ofEpochSecond(from + slot - slot / 4));
        return cap - booked - Math.min(holdBack, cap - 1); // one worker always stays open to planned work
    }

    /**
     * @param atOnce the forecast intensity over the run from the first start with a free worker (the
     *     do-no-harm bar), or NaN: then from the earliest start
     */
    private SchedulingDecision decide(Planning p, long chosen, double atOnce) {
        long run = Math.max(1, seconds(p.runTime.toMillis()));
        long earliest = p.earliest.getEpochSecond();
        if (!index.covers(earliest, earliest + run)) {
            return null;
        }
        double now = index.integral(earliest, earliest + run) / run;
        double baseline = Double.isNaN(atOnce) ? now : Math.max(now, atOnce);
        long start = chosen == GlobalSchedule.AT_ONCE ? earliest : chosen;
        double intensity = index.covers(start, start + run) ? index.integral(start, start + run) / run : Double.NaN;
        if (start != earliest && !(intensity <= baseline)) {
            start = earliest; // do no harm: never into a run the forecast says is dirtier than starting now
            intensity = now;
        }
        double saving = baseline > 0 ? (baseline - intensity) / baseline * 100 : Double.NaN;
        CarbonForecast f = index.forecast;
        Expected expected = new Expected(intensity, baseline, saving, f.source(), f.fetchedAt(), f.signalType());
        if (start == earliest) {
            return p.book(
                    p.earliest,
                    Reason.GREENEST_NOW,
                    "starting at once: no later start before " + p.latestSafe
                            + " with a free worker saves " + one(policy.minSavingPct()) + "% and "
                            + one(policy.minSavingPctPerHour())
                            + "% per hour of waiting (" + Math.round(baseline) + " g/kWh over the run)",
                    expected);
        }
        if (!(intensity < baseline - 1e-9)) {
            return p.book(
                    Instant.ofEpochSecond(start),
                    Reason.CAPACITY_CONSTRAINED,
                    "every worker is taken until " + Instant.ofEpochSecond(start) + ": starting at the first free one ("
                            + Math.round(intensity) + " g/kWh over the run)",
                    expected);
        }
        return p.book(
                Instant.ofEpochSecond(start),
                Reason.GREENEST_WINDOW,
                "waiting " + (start - earliest) / 60
                        + " min for " + Math.round(intensity) + " g/kWh over the run instead of " + Math.round(baseline)
                        + " now (" + one(saving) + "% less); one schedule for every waiting job",
                expected);
    }

    /**
     * An interruptible job in pieces: the intensity it expects is over the run's length taken from
     * the pieces in order; the flow only gave it slots that do no harm against starting at once.
     */
    private SchedulingDecision inPieces(Planning p, long[][] pieces, double atOnce) {
        long run = Math.max(1, seconds(p.runTime.toMillis()));
        long earliest = p.earliest.getEpochSecond();
        if (!index.covers(earliest, earliest + run)) {
            return null;
        }
        double now = index.integral(earliest, earliest + run) / run;
        double baseline = Double.isNaN(atOnce) ? now : Math.max(now, atOnce);
        List<RunPiece> runs = new ArrayList<>();
        double integral = 0;
        long counted = 0;
        for (long[] piece : pieces) {
            runs.add(new RunPiece(Instant.ofEpochSecond(piece[0]), Instant.ofEpochSecond(piece[1])));
            long use = Math.min(piece[1] - piece[0], run - counted);
            if (use > 0 && index.covers(piece[0], piece[0] + use)) {
                integral += index.integral(piece[0], piece[0] + use);
                counted += use;
            }
        }
        double intensity = counted > 0 ? integral / counted : Double.NaN;
        if (!(intensity <= baseline)) {
            return decide(p, GlobalSchedule.AT_ONCE, atOnce); // do no harm, as for one run
        }
        double saving = baseline > 0 ? (baseline - intensity) / baseline * 100 : Double.NaN;
        CarbonForecast f = index.forecast;
        Expected expected = new Expected(intensity, baseline, saving, f.source(), f.fetchedAt(), f.signalType());
        Instant start = runs.get(0).from();
        return p.bookPieces(
                runs,
                start.isAfter(p.earliest) ? Reason.GREENEST_WINDOW : Reason.GREENEST_NOW,
                "in " + runs.size() + " pieces from " + start + ", pausing between windows: "
                        + Math.round(intensity) + " g/kWh over the run instead of " + Math.round(baseline)
                        + " now (" + one(saving) + "% less); one schedule for every waiting job",
                expected);
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }

    private static String one(double v) {
        return Double.isNaN(v) ? "?" : Double.toString(Math.round(v * 10) / 10.0);
    }
}

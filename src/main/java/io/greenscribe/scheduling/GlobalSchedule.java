package io.greenscribe.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import lombok.RequiredArgsConstructor;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm.MinimumCostFlow;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * One schedule for all waiting work on one device: slots × capacity, least forecast emissions,
 * deadlines hard. The core is a min-cost flow (jgrapht's capacity-scaling solver): each class of
 * alike jobs (same first slot, last slot, length and do-no-harm bar) supplies its slot-units, may
 * send at most one unit per job into each slot it is allowed to use, at that slot's intensity, and
 * each slot takes as many units as it has free workers. Units nobody can place go to an overflow
 * arc at a prohibitive cost: those jobs run as early as they may. For work that may pause between
 * slots the flow is the exact optimum, and an interruptible job takes its share of the allotment
 * as it is, in pieces; for runs that must be contiguous it is the bound the decoding follows: each
 * job, most urgent first, takes the contiguous run that overlaps most of its class's allotment and
 * still fits.
 *
 * <p>Do no harm is built into the arcs: a job may use a slot only if its forecast is no worse than
 * starting at once, and its saving clears the minimum and the per-hour-of-delay bar. Not
 * thread-safe; cheap to build per call.
 */
@RequiredArgsConstructor
final class GlobalSchedule {

    /** Cost of a unit that cannot be placed: above any intensity × slot length (2000 g/kWh × 1 h = 7.2e6). */
    private static final double OVERFLOW = 1e8; // jgrapht takes 1e9 for infinite

    /**
     * One job to place, in epoch seconds.
     *
     * @param earliest it may start no sooner
     * @param latestStart a start after this misses the deadline (with the margin)
     * @param runSec the estimated run time, for the emissions it causes
     * @param holdSec how long it holds a worker (the run time with its overrun factor)
     * @param interruptible it may pause between slots, so it may run in pieces
     */
    record Work(long earliest, long latestStart, long runSec, long holdSec, boolean interruptible) {
        Work(long earliest, long latestStart, long runSec, long holdSec) {
            this(earliest, latestStart, runSec, holdSec, false);
        }
    }

    /**
     * The schedule: per work item its start (epoch seconds, or {@link #AT_ONCE}) and, for work
     * placed in pieces, those pieces as {@code [from, to)} pairs in epoch seconds (null for one run).
     */
    record Solution(long[] starts, long[][][] pieces, double[] baselines) {}

    /**
     * Work expected to arrive ({@link RecentArrivals}): {@code count} jobs like {@code work}. It takes
     * part in the flow, so real jobs leave it the slots it will need, but it is never placed, and
     * where it does not fit it costs no more than its dirtiest slot would: it can never push a real
     * job out of the schedule.
     */
    record Expected(Work work, int count) {}

    /** The start chosen for each work item, or {@link #AT_ONCE} where it should start as early as it may. */
    static final long AT_ONCE = Long.MIN_VALUE;

    private final ForecastIndex index;
    private final long slotSec;
    private final double minSavingPct;
    private final double minSavingPctPerHour;

    /**
     * @param work the waiting jobs
     * @param origin the start of slot 0, aligned to the slot length, not after any {@code earliest}
     * @param slots how many slots from {@code origin}
     * @param capacity free workers in slot t (after running work and the capacity held back)
     * @return per work item, its start and any pieces
     */
    Solution solve(List<Work> work, long origin, int slots, IntUnaryOperator capacity) {
        return solve(work, List.of(), origin, slots, capacity);
    }

    /** As {@link #solve(List, long, int, IntUnaryOperator)}, with work expected to arrive beside the real work. */
    Solution solve(List<Work> work, List<Expected> expected, long origin, int slots, IntUnaryOperator capacity) {
        double[] mean = slotMeans(origin, slots);
        long[] out = new long[work.size()];
        long[][][] pieces = new long[work.size()][][];
        double[] baselines = new double[work.size()];
        Arrays.fill(out, AT_ONCE);
        Arrays.fill(baselines, Double.NaN);
        int[] cap = new int[slots];
        for (int t = 0; t < slots; t++) {
            cap[t] = Math.max(0, capacity.applyAsInt(t));
        }
        Map<Key, Group> groups = new HashMap<>();
        boolean[] placeable = new boolean[work.size()];
        for (int i = 0; i < work.size(); i++) {
            placeable[i] = shape(work.get(i), origin, slots, mean, -1) != null;
            if (!placeable[i]) {
                occupyAtOnce(work.get(i), origin, cap); // it cannot wait: what it holds is not free to the others
            }
        }
        int[] atOnce = asSoonAsPossible(work, placeable, origin, slots, cap);
        for (int i = 0; i < work.size(); i++) {
            Work w = work.get(i);
            Shape s = placeable[i] ? shape(w, origin, slots, mean, atOnce[i]) : null;
            if (s != null) {
                baselines[i] = s.baseline;
                Group grp = groups.computeIfAbsent(s.key, k -> new Group(k, s.allowed));
                grp.members.add(i);
                grp.baselines.add(s.baseline);
            }
        }
        if (groups.isEmpty()) {
            return new Solution(out, pieces, baselines);
        }
        List<Group> list = new ArrayList<>(groups.values());
        Map<Key, Group> future = new HashMap<>();
        for (Expected x : expected) {
            Shape s = shape(x.work(), origin, slots, mean, -1);
            if (s != null) { // beyond the forecast or the horizon it competes with nothing we place now
                // expected work may use any slot with a forecast: its do-no-harm bar would be against an
                // arrival that has not happened (replays: 24 h slack, 2 workers GB 0.87 -> 0.92)
                for (int q = 0; q < s.allowed.length; q++) {
                    s.allowed[q] = !Double.isNaN(mean[s.key.first() + q]);
                }
                Group grp = future.computeIfAbsent(s.key, k -> new Group(k, s.allowed));
                grp.expected += x.count();
                grp.expectedRun += (double) x.count() * x.work().runSec();
            }
        }
        List<Group> all = new ArrayList<>(list);
        all.addAll(future.values());
        allot(all, work, slots, mean, cap);
        decode(list, work, origin, cap, out, pieces);
        return new Solution(out, pieces, baselines);
    }

    /** The flow: how many units of each group go into each slot. */
    private void allot(List<Group> groups, List<Work> work, int slots, double[] mean, int[] cap) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        int sink = 0;
        g.addVertex(sink);
        for (int t = 0; t < slots; t++) {
            g.addVertex(1 + t);
        }
        Map<DefaultWeightedEdge, Integer> upper = new HashMap<>();
        Map<Integer, Integer> supply = new HashMap<>();
        long total = 0;
        for (int t = 0; t < slots; t++) {
            if (cap[t] > 0) {
                upper.put(g.addEdge(1 + t, sink), cap[t]);
            }
        }
        List<Map<Integer, DefaultWeightedEdge>> arcs = new ArrayList<>(groups.size());
        for (int gi = 0; gi < groups.size(); gi++) {
            Group grp = groups.get(gi);
            int v = 1 + slots + gi;
            g.addVertex(v);
            int k = grp.members.size() + grp.expected;
            int units = k * grp.key.length;
            supply.put(v, units);
            total += units;
            DefaultWeightedEdge over = g.addEdge(v, sink);
            upper.put(over, units);
            Map<Integer, DefaultWeightedEdge> mine = new HashMap<>();
            double dirtiest = 0;
            double perUnit = grp.runPerUnit(work);
            for (int t = grp.key.first; t <= grp.key.last; t++) {
                if (grp.allowed[t - grp.key.first] && cap[t] > 0) {
                    DefaultWeightedEdge e = g.addEdge(v, 1 + t);
                    // a thousandth per slot of delay breaks ties toward the earlier start: wait no longer than it pays
                    double cost = mean[t] * perUnit + (t - grp.key.first) * 1e-3;
                    g.setEdgeWeight(e, cost);
                    upper.put(e, k);
                    mine.put(t, e);
                    dirtiest = Math.max(dirtiest, cost);
                }
            }
            // expected work that finds no room runs anyway, at about its dirtiest slot's cost
            g.setEdgeWeight(over, grp.members.isEmpty() ? dirtiest + 1 : OVERFLOW);
            arcs.add(mine);
        }
        supply.put(sink, (int) -total);
        MinimumCostFlow<DefaultWeightedEdge> flow = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
                .getMinimumCostFlow(new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                        g, v -> supply.getOrDefault(v, 0), upper::get));
        for (int gi = 0; gi < groups.size(); gi++) {
            Group grp = groups.get(gi);
            grp.allot = new int[grp.key.last - grp.key.first + 1];
            for (Map.Entry<Integer, DefaultWeightedEdge> e : arcs.get(gi).entrySet()) {
                grp.allot[e.getKey() - grp.key.first] = (int) Math.round(flow.getFlow(e.getValue()));
            }
        }
    }

    /**
     * Contiguous runs from the allotment, most urgent group first: each job takes the start whose
     * run overlaps most of what its group was allotted (then the greener), among those that fit the
     * workers left and do no harm over the whole run. For one-slot jobs this is the flow's answer.
     */
    private void decode(List<Group> groups, List<Work> work, long origin, int[] cap, long[] out, long[][][] pieces) {
        int[] left = cap.clone();
        groups.sort((a, b) -> a.key.lastStart != b.key.lastStart
                ? Integer.compare(a.key.lastStart, b.key.lastStart)
                : Integer.compare(a.key.first, b.key.first));
        for (Group grp : groups) {
            Key k = grp.key;
            for (int m = 0; m < grp.members.size(); m++) {
                int i = grp.members.get(m);
                Work w = work.get(i);
                if (w.interruptible() && takePieces(grp, w, origin, left, i, out, pieces)) {
                    continue;
                }
                double baseline = grp.baselines.get(m);
                // first only starts whose run touches what is still allotted (they win on overlap);
                // if none of them fits, every start
                int a = firstAllotted(grp.allot);
                int best = a < 0
                        ? -1
                        : bestStart(
                                grp,
                                w,
                                origin,
                                left,
                                baseline,
                                Math.max(k.first, k.first + a - k.length + 1),
                                Math.min(k.lastStart, k.first + lastAllotted(grp.allot)),
                                true);
                if (best < 0) {
                    best = bestStart(grp, w, origin, left, baseline, k.first, k.lastStart, false);
                }
                if (best < 0) {
                    continue; // nothing fits: run as early as it may, the queue serves it by deadline
                }
                int len = best == k.first ? k.lengthNow : k.length;
                for (int t = best; t < best + len; t++) {
                    left[t]--;
                    if (grp.allot[t - k.first] > 0) {
                        grp.allot[t - k.first]--;
                    }
                }
                out[i] = best == k.first ? AT_ONCE : origin + best * slotSec;
            }
        }
    }

    /**
     * An interruptible job takes its units from what its group was allotted, earliest first, where
     * a worker is still free: the flow's own answer, as pieces. False (nothing taken) when the
     * allotment left cannot cover it; the job is then placed as one run.
     */
    private boolean takePieces(Group grp, Work w, long origin, int[] left, int i, long[] out, long[][][] pieces) {
        Key k = grp.key;
        List<Integer> chosen = new ArrayList<>();
        for (int t = k.first; t <= k.last; t++) {
            int need = !chosen.isEmpty() && chosen.get(0) == k.first ? k.lengthNow : k.length;
            if (chosen.size() >= need) {
                break;
            }
            if (grp.allot[t - k.first] > 0 && left[t] > 0) {
                chosen.add(t);
            }
        }
        int need = !chosen.isEmpty() && chosen.get(0) == k.first ? k.lengthNow : k.length;
        if (chosen.size() < need) {
            return false;
        }
        List<long[]> runs = new ArrayList<>();
        for (int t : chosen) {
            left[t]--;
            grp.allot[t - k.first]--;
            long from = t == k.first ? w.earliest() : origin + t * slotSec;
            long to = origin + (t + 1) * slotSec;
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] == from) {
                last[1] = to;
            } else {
                runs.add(new long[] {from, to});
            }
        }
        out[i] = chosen.get(0) == k.first ? AT_ONCE : origin + chosen.get(0) * slotSec;
        pieces[i] = runs.size() > 1 ? runs.toArray(new long[0][]) : null;
        return true;
    }

    /**
     * The start in {@code [lo, hi]} (and at once) that overlaps most of the allotment, then the
     * greener; with {@code touching} only starts that overlap it at all; -1 if none fits.
     */
    private int bestStart(
            Group grp, Work w, long origin, int[] left, double baseline, int lo, int hi, boolean touching) {
        Key k = grp.key;
        int best = -1;
        int bestOverlap = -1;
        double bestIntensity = Double.MAX_VALUE;
        for (int s = k.first; s <= hi; s = s == k.first ? Math.max(lo, k.first + 1) : s + 1) {
            long start = s == k.first ? w.earliest() : origin + s * slotSec;
            int len = s == k.first ? k.lengthNow : k.length;
            if (s + len > left.length || !fits(left, s, len)) {
                continue;
            }
            double intensity = index.covers(start, start + w.runSec())
                    ? index.integral(start, start + w.runSec()) / w.runSec()
                    : Double.NaN;
            if (s != k.first && s != k.atOnce && !worthWaitingFor(intensity, baseline, start - w.earliest())) {
                continue;
            }
            int overlap = 0;
            for (int t = s; t < s + len; t++) {
                overlap += grp.allot[t - k.first] > 0 ? 1 : 0;
            }
            if (touching && overlap == 0) {
                continue;
            }
            if (overlap > bestOverlap || overlap == bestOverlap && intensity < bestIntensity - 1e-9) {
                best = s;
                bestOverlap = overlap;
                bestIntensity = intensity;
            }
        }
        return best;
    }

    private static int firstAllotted(int[] allot) {
        for (int i = 0; i < allot.length; i++) {
            if (allot[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lastAllotted(int[] allot) {
        for (int i = allot.length - 1; i >= 0; i--) {
            if (allot[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean fits(int[] left, int from, int len) {
        for (int t = from; t < from + len; t++) {
            if (left[t] <= 0) {
                return false;
            }
        }
        return true;
    }

    private void occupyAtOnce(Work w, long origin, int[] cap) {
        long from = Math.floorDiv(w.earliest() - origin, slotSec);
        long to = Math.floorDiv(w.earliest() + w.holdSec() - 1 - origin, slotSec);
        for (long t = Math.max(0, from); t <= to && t < cap.length; t++) {
            cap[(int) t] = Math.max(0, cap[(int) t] - 1);
        }
    }

    /**
     * Where each job would start had every waiting job been run at once: earliest deadline first,
     * each at the first slot with a worker free for its whole run. That start, not the arrival, is
     * what waiting must beat (do no harm), since the queue would serve it no sooner.
     */
    private int[] asSoonAsPossible(List<Work> work, boolean[] placeable, long origin, int slots, int[] cap) {
        int[] out = new int[work.size()];
        int[] left = cap.clone();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            if (placeable[i]) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Long.compare(work.get(a).latestStart(), work.get(b).latestStart()));
        for (int i : order) {
            Work w = work.get(i);
            int first = (int) Math.floorDiv(w.earliest() - origin, slotSec);
            long offset = w.earliest() - origin - first * slotSec;
            int length = (int) Math.max(1, (w.holdSec() + slotSec - 1) / slotSec);
            int lengthNow = (int) Math.max(1, (w.holdSec() + offset + slotSec - 1) / slotSec);
            out[i] = first;
            for (int t = first; t + (t == first ? lengthNow : length) <= slots; t++) {
                int len = t == first ? lengthNow : length;
                if (fits(left, t, len)) {
                    for (int u = t; u < t + len; u++) {
                        left[u]--;
                    }
                    out[i] = t;
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Where a job may go on the slot grid, or null when the forecast cannot place it. "At once" is
     * the first start with a worker free for the whole run (after running work), not the arrival:
     * while every worker is busy the job cannot start now, and comparing with a start it cannot
     * have sent it to the back of the queue, into whatever hours the queue reached (replays: 0.79
     * of the optimum at 24 h slack on 2 workers, 2/3 of the jobs queued).
     */
    private Shape shape(Work w, long origin, int slots, double[] mean, int asap) {
        int first = (int) Math.floorDiv(w.earliest() - origin, slotSec);
        long offset = w.earliest() - origin - first * slotSec;
        int length = (int) Math.max(1, (w.holdSec() + slotSec - 1) / slotSec);
        // a run started at once, mid-slot, may reach one slot further than one started on a boundary
        int lengthNow = (int) Math.max(1, (w.holdSec() + offset + slotSec - 1) / slotSec);
        int lastStart = (int) Math.min(Math.floorDiv(w.latestStart() - origin, slotSec), slots - length);
        if (first < 0
                || first + lengthNow > slots
                || lastStart <= first
                || !index.covers(w.earliest(), w.earliest() + w.runSec())) {
            return null;
        }
        int last = Math.max(lastStart + length - 1, first + lengthNow - 1);
        // the arcs compare slots with a start at once (alike jobs share the first one's arcs); the
        // decoding checks each whole run exactly
        if (asap < 0) {
            asap = first;
        }
        int atOnce = asap <= lastStart && index.covers(origin + asap * slotSec, origin + asap * slotSec + w.runSec())
                ? asap
                : first;
        long from = atOnce == first ? w.earliest() : origin + atOnce * slotSec;
        double baseline = index.integral(from, from + w.runSec()) / w.runSec();
        boolean[] allowed = new boolean[last - first + 1];
        for (int t = first; t <= last; t++) {
            // the slots of a start at once are always allowed: running as soon as a worker is free can do no harm
            allowed[t - first] = t < first + lengthNow
                    || t >= atOnce && t < atOnce + length
                    || worthWaitingFor(mean[t], baseline, origin + t * slotSec - w.earliest());
        }
        return new Shape(new Key(first, last, lastStart, length, lengthNow, atOnce), allowed, baseline);
    }

    /** No worse than at once, and the saving clears both the minimum and the bar per hour of delay. */
    private boolean worthWaitingFor(double intensity, double baseline, long delaySec) {
        if (Double.isNaN(intensity) || !(baseline > 0)) {
            return false;
        }
        double pct = (baseline - intensity) / baseline * 100;
        return pct >= minSavingPct && pct >= minSavingPctPerHour * delaySec / 3600.0 && pct > 0;
    }

    private double[] slotMeans(long origin, int slots) {
        double[] m = new double[slots];
        for (int t = 0; t < slots; t++) {
            long a = origin + t * slotSec;
            m[t] = index.covers(a, a + slotSec) ? index.integral(a, a + slotSec) / slotSec : Double.NaN;
        }
        return m;
    }

    /** A class of alike jobs: same slots allowed, same length. */
    private record Key(int first, int last, int lastStart, int length, int lengthNow, int atOnce) {}

    private record Shape(Key key, boolean[] allowed, double baseline) {}

    private static final class Group {
        final Key key;
        final boolean[] allowed;
        final List<Integer> members = new ArrayList<>();
        final List<Double> baselines = new ArrayList<>();
        /** Jobs expected to arrive, in a group of their own (no members). */
        int expected;

        double expectedRun;
        int[] allot;

        /** The group's mean run time per slot-unit: a long job's use of a green slot weighs more. */
        double runPerUnit(List<Work> work) {
            double sum = expectedRun;
            for (int i : members) {
                sum += work.get(i).runSec();
            }
            return sum / (members.size() + expected) / key.length;
        }

        Group(Key key, boolean[] allowed) {
            this.key = key;
            this.allowed = allowed;
        }
    }
}

package io.greenscribe.scheduling;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.scheduling.CarbonPlanner.Expected;
import io.greenscribe.scheduling.CarbonPlanner.Planning;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The search for the greenest feasible start. Emissions of a run are piecewise linear in its
 * start, with kinks only where the start or the end crosses a slot boundary, so the optimum is at
 * the window's ends, at a boundary, or at a boundary minus the run time. Those candidates are
 * produced in time order and each costs two prefix-sum look-ups: O(slots) per job.
 */
final class WindowSearch {

    private final ForecastIndex index;
    private final Planning p;
    private final CapacityLedger ledger;
    private final PlannerPolicy policy;
    private final int limit;

    WindowSearch(ForecastIndex index, Planning p, CapacityLedger ledger, PlannerPolicy policy) {
        this.index = index;
        this.p = p;
        this.ledger = ledger;
        this.policy = policy;
        this.limit = p.limit();
    }

    Optional<SchedulingDecision> decide() {
        long lo = p.earliest.getEpochSecond();
        long hi = p.latestSafe.getEpochSecond();
        long d = Math.max(1, (p.runTime.toMillis() + 999) / 1000);
        long[] cand = candidates(lo, hi, d);
        double[] cost = new double[cand.length];
        int best = -1;
        int hintA = 0;
        int hintB = 0;
        for (int i = 0; i < cand.length; i++) {
            long s = cand[i];
            if (s < index.start() || s + d > index.end()) {
                cost[i] = Double.NaN;
                continue;
            }
            hintA = index.slotFrom(s, hintA);
            hintB = index.slotFrom(s + d, Math.max(hintA, hintB));
            if (index.gapAt(s + d, hintB) - index.gapAt(s, hintA) != 0) {
                cost[i] = Double.NaN;
                continue;
            }
            cost[i] = index.at(s + d, hintB) - index.at(s, hintA);
            if (best < 0 || cost[i] < cost[best] - 1e-9) {
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        double baseline = cand[0] == lo ? cost[0] : Double.NaN;
        int chosen = pick(cand, cost, best, d, baseline);
        if (chosen < 0) {
            return Optional.of(p.exhausted(
                    "device " + p.request.deviceId() + " has no free slot (capacity "
                            + ledger.capacity(p.request.deviceId()) + ") before " + p.latestSafe,
                    expected(cost[0], baseline, d)));
        }
        Reason reason;
        String detail;
        double saving = pct(baseline, cost[chosen]);
        if (chosen != best) {
            boolean tooSmall =
                    chosen == 0 && !Double.isNaN(baseline) && pct(baseline, cost[best]) < policy.minSavingPct();
            reason = tooSmall ? Reason.SAVING_TOO_SMALL : Reason.CAPACITY_CONSTRAINED;
            detail = tooSmall
                    ? "greenest start would save " + one(pct(baseline, cost[best])) + "% (< "
                            + one(policy.minSavingPct()) + "%); running now"
                    : "greenest start " + Instant.ofEpochSecond(cand[best]) + " is full; next greenest with room saves "
                            + one(saving) + "%";
        } else if (cand[chosen] == lo) {
            reason = Reason.GREENEST_NOW;
            detail = "now is the greenest start before " + p.latestSafe + " (" + Math.round(cost[chosen] / d)
                    + " g/kWh over the run)";
        } else {
            reason = Reason.GREENEST_WINDOW;
            detail = "waiting " + (cand[chosen] - lo) / 60 + " min for " + Math.round(cost[chosen] / d)
                    + " g/kWh over the run instead of " + Math.round(baseline / d) + " now (" + one(saving) + "% less)";
        }
        return Optional.of(
                p.book(Instant.ofEpochSecond(cand[chosen]), reason, detail, expected(cost[chosen], baseline, d)));
    }

    /** Candidate indices, greenest first; ties go to the earlier start. The float key keeps the sort primitive. */
    private static long[] greenestFirst(long[] cand, double[] cost) {
        long[] order = new long[cand.length];
        for (int i = 0; i < order.length; i++) {
            float c = Double.isNaN(cost[i]) ? Float.MAX_VALUE : (float) cost[i];
            order[i] = ((long) Float.floatToIntBits(c) << 32) | i;
        }
        Arrays.sort(order);
        return order;
    }

    /** The greenest candidate with room on the device, or -1. Prefers starting now when the gain is tiny. */
    private int pick(long[] cand, double[] cost, int best, long d, double baseline) {
        long padded = (p.reserved.toMillis() + 999) / 1000;
        if (!Double.isNaN(baseline)
                && best != 0
                && pct(baseline, cost[best]) < policy.minSavingPct()
                && fits(cand[0], padded)) {
            return 0;
        }
        if (fits(cand[best], padded)) {
            return best;
        }
        long[] order = greenestFirst(cand, cost);
        int full = ledger.capacity(p.request.deviceId());
        for (int depth : limit < full ? new int[] {limit, full} : new int[] {limit}) {
            for (long o : order) {
                int i = (int) o;
                if (!Double.isNaN(cost[i]) && fits(cand[i], padded, depth)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private boolean fits(long start, long padded) {
        return fits(start, padded, limit);
    }

    private boolean fits(long start, long padded, int depth) {
        return ledger.fits(
                p.request.deviceId(), Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + padded), depth);
    }

    private Expected expected(double cost, double baseline, long d) {
        CarbonForecast f = index.forecast;
        return new Expected(cost / d, baseline / d, pct(baseline, cost), f.source(), f.fetchedAt(), f.signalType());
    }

    // String.format costs more than the whole search; decisions are made by the hundred thousand.
    private static String one(double v) {
        return Double.isNaN(v) ? "?" : Double.toString(Math.round(v * 10) / 10.0);
    }

    private static double pct(double baseline, double cost) {
        return Double.isNaN(baseline) || baseline <= 0 ? Double.NaN : (baseline - cost) / baseline * 100;
    }

    /** lo, hi, and every boundary b and b − d strictly between them, ascending. */
    private long[] candidates(long lo, long hi, long d) {
        long[] t = index.t;
        long[] out = new long[2 * t.length + 2];
        int n = 0;
        out[n++] = lo;
        int i = lowerBound(t, lo + 1);
        int j = lowerBound(t, lo + 1 + d);
        while (true) {
            long a = i < t.length ? t[i] : Long.MAX_VALUE;
            long b = j < t.length ? t[j] - d : Long.MAX_VALUE;
            long next = Math.min(a, b);
            if (next >= hi) {
                break;
            }
            if (next != out[n - 1]) {
                out[n++] = next;
            }
            if (a == next) {
                i++;
            }
            if (b == next) {
                j++;
            }
        }
        if (hi != out[n - 1]) {
            out[n++] = hi;
        }
        return Arrays.copyOf(out, n);
    }

    private static int lowerBound(long[] t, long x) {
        int i = Arrays.binarySearch(t, x);
        return i >= 0 ? i : -i - 1;
    }
}

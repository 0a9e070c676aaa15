package io.greenscribe.scheduling;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.IntensitySlot;
import java.util.List;

/**
 * Prefix sums over a forecast's slots, so the emissions of any run are two look-ups, whatever its
 * length. Gaps between slots are tracked so a run over a gap counts as not covered.
 */
final class ForecastIndex {

    final CarbonForecast forecast;
    final long[] t; // slot boundaries, epoch seconds; t.length = slots + gaps + 1
    private final double[] value; // NaN marks a gap
    private final double[] prefix; // ∫ intensity, g/kWh · s
    private final long[] gapPrefix; // seconds of gap

    ForecastIndex(CarbonForecast forecast) {
        this.forecast = forecast;
        List<IntensitySlot> slots = forecast.slots();
        int n = 0;
        long[] tb = new long[slots.size() * 2 + 1];
        double[] vb = new double[slots.size() * 2];
        for (IntensitySlot s : slots) {
            long a = s.start().getEpochSecond();
            long b = s.end().getEpochSecond();
            if (n > 0 && a > tb[n]) {
                vb[n] = Double.NaN;
                tb[++n] = a;
            }
            if (n == 0) {
                tb[0] = a;
            }
            vb[n] = s.gCo2PerKwh();
            tb[++n] = b;
        }
        t = java.util.Arrays.copyOf(tb, n + 1);
        value = java.util.Arrays.copyOf(vb, n);
        prefix = new double[n + 1];
        gapPrefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            long len = t[i + 1] - t[i];
            boolean gap = Double.isNaN(value[i]);
            prefix[i + 1] = prefix[i] + (gap ? 0 : value[i] * len);
            gapPrefix[i + 1] = gapPrefix[i] + (gap ? len : 0);
        }
    }

    boolean isEmpty() {
        return value.length == 0;
    }

    long start() {
        return t[0];
    }

    long end() {
        return t[value.length];
    }

    int slotCount() {
        return value.length;
    }

    /** Whether {@code [a, b)} lies inside the forecast with no gap. */
    boolean covers(long a, long b) {
        return !isEmpty() && a >= start() && b <= end() && gapAt(b, slotOf(b)) - gapAt(a, slotOf(a)) == 0;
    }

    /** ∫ intensity over {@code [a, b)}, which {@link #covers} must accept. */
    double integral(long a, long b) {
        return at(b, slotOf(b)) - at(a, slotOf(a));
    }

    /** The index of the slot containing {@code x}, searching forward from {@code hint}. */
    int slotFrom(long x, int hint) {
        int i = Math.max(0, hint);
        while (i + 1 < value.length && t[i + 1] <= x) {
            i++;
        }
        return i;
    }

    int slotOf(long x) {
        int i = java.util.Arrays.binarySearch(t, 0, value.length, x);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    double at(long x, int slot) {
        if (x >= end()) {
            return prefix[value.length];
        }
        double v = Double.isNaN(value[slot]) ? 0 : value[slot];
        return prefix[slot] + v * (x - t[slot]);
    }

    long gapAt(long x, int slot) {
        if (x >= end()) {
            return gapPrefix[value.length];
        }
        return gapPrefix[slot] + (Double.isNaN(value[slot]) ? x - t[slot] : 0);
    }
}

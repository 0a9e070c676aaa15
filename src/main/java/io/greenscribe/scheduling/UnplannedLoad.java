package io.greenscribe.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import lombok.RequiredArgsConstructor;

/**
 * The work that arrives without a plan (no deadline, run now, no room to wait), measured on this
 * instance: the worker-time it brought over a trailing window, as busy workers on average (Little's
 * law). The global schedule leaves that many workers free in every slot, so such work does not
 * queue behind planned runs, instead of keeping a fixed share of every window in reserve.
 */
@RequiredArgsConstructor
final class UnplannedLoad {

    private final Duration window;
    private final Deque<long[]> arrivals = new ArrayDeque<>(); // {epoch second, worker-seconds}
    private long sum;

    void arrived(Instant at, Duration holds) {
        long[] a = {at.getEpochSecond(), holds.getSeconds()};
        arrivals.addLast(a);
        sum += a[1];
    }

    /** Workers to hold back at {@code now}: the measured mean, rounded, and never below {@code floor}. */
    int workers(Instant now, double floor) {
        long from = now.getEpochSecond() - window.getSeconds();
        while (!arrivals.isEmpty() && arrivals.peekFirst()[0] < from) {
            sum -= arrivals.removeFirst()[1];
        }
        double busy = sum / (double) window.getSeconds();
        return (int) Math.round(Math.max(floor, busy));
    }
}

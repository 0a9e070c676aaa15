package io.greenscribe.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who runs when on each device: jobs planned into the same time share the device's worker slots.
 * Time is cut into buckets; a booking occupies every bucket it touches, which errs on the safe side.
 * Not thread-safe on its own: the planner serialises access.
 */
public final class CapacityLedger {

    private final Map<String, Integer> capacity;
    private final int defaultCapacity;
    private final long bucketSec;
    private final Map<String, Timeline> timelines = new HashMap<>();
    private final Map<UUID, Booking> bookings = new HashMap<>();

    /**
     * @param capacity concurrent jobs per device id
     * @param defaultCapacity for devices not in {@code capacity}
     * @param bucket time resolution of the ledger
     */
    public CapacityLedger(Map<String, Integer> capacity, int defaultCapacity, Duration bucket) {
        this.capacity = Map.copyOf(capacity);
        this.defaultCapacity = defaultCapacity;
        this.bucketSec = Math.max(1, bucket.getSeconds());
    }

    /** A ledger that never runs out (the Let's Wait Awhile assumption). */
    public static CapacityLedger unlimited() {
        return new CapacityLedger(Map.of(), Integer.MAX_VALUE, Duration.ofMinutes(5));
    }

    /** A job's booking: one range of buckets for a run, several for a run in pieces. */
    private record Booking(String deviceId, List<long[]> buckets) {}

    public int capacity(String deviceId) {
        return capacity.getOrDefault(deviceId, defaultCapacity);
    }

    /** Whether a run on {@code deviceId} over {@code [from, to)} fits beside the bookings made so far. */
    public boolean fits(String deviceId, Instant from, Instant to) {
        return fits(deviceId, from, to, capacity(deviceId));
    }

    /** Whether the run fits while leaving the device no more than {@code limit} bookings deep. */
    public boolean fits(String deviceId, Instant from, Instant to, int limit) {
        if (limit == Integer.MAX_VALUE) {
            return true;
        }
        Timeline t = timelines.get(deviceId);
        return t == null || t.max(first(from), last(to)) < limit;
    }

    /**
     * How deep a job may book: jobs with more than {@code urgentSlack} of slack (and jobs without a
     * deadline) leave {@code 1 - flexibleShare} of the workers to urgent jobs, so a green window
     * filled by patient jobs never locks out one that must run now.
     */
    public int limitFor(String deviceId, boolean urgent, double flexibleShare) {
        int cap = capacity(deviceId);
        if (urgent || cap == Integer.MAX_VALUE) {
            return cap;
        }
        return Math.max(1, (int) Math.floor(cap * flexibleShare));
    }

    /** The latest start in {@code [notBefore, notAfter]} at which a run of {@code length} fits. */
    public Optional<Instant> latestFit(
            String deviceId, Instant notBefore, Instant notAfter, Duration length, int limit) {
        for (Instant s = notAfter; !s.isBefore(notBefore); s = s.minusSeconds(bucketSec)) {
            if (fits(deviceId, s, s.plus(length), limit)) {
                return Optional.of(s);
            }
        }
        return fits(deviceId, notBefore, notBefore.plus(length), limit) ? Optional.of(notBefore) : Optional.empty();
    }

    /** The earliest start in {@code [notBefore, notAfter]} at which a run of {@code length} fits. */
    public Optional<Instant> earliestFit(
            String deviceId, Instant notBefore, Instant notAfter, Duration length, int limit) {
        if (fits(deviceId, notBefore, notBefore.plus(length), limit)) {
            return Optional.of(notBefore);
        }
        long first = Math.floorDiv(notBefore.getEpochSecond(), bucketSec) + 1;
        for (Instant s = Instant.ofEpochSecond(first * bucketSec); !s.isAfter(notAfter); s = s.plusSeconds(bucketSec)) {
            if (fits(deviceId, s, s.plus(length), limit)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Books {@code [from, to)} for the job, replacing any earlier booking of it. */
    public void reserve(UUID jobId, String deviceId, Instant from, Instant to) {
        book(jobId, deviceId, List.<long[]>of(new long[] {first(from), last(to)}));
    }

    /** Books each of {@code pieces} for the job (the gaps stay free), replacing any earlier booking of it. */
    public void reserve(UUID jobId, String deviceId, List<RunPiece> pieces) {
        book(
                jobId,
                deviceId,
                pieces.stream()
                        .map(p -> new long[] {first(p.from()), last(p.to())})
                        .toList());
    }

    private void book(UUID jobId, String deviceId, List<long[]> buckets) {
        release(jobId);
        if (capacity(deviceId) == Integer.MAX_VALUE || buckets.isEmpty()) {
            return;
        }
        Timeline t = timelines.computeIfAbsent(deviceId, d -> new Timeline(buckets.get(0)[0]));
        for (long[] b : buckets) {
            t.add(b[0], b[1], 1);
        }
        bookings.put(jobId, new Booking(deviceId, buckets));
    }

    /** Frees the job's booking (it finished, was cancelled or is being re-planned). */
    public void release(UUID jobId) {
        Booking b = bookings.remove(jobId);
        if (b != null) {
            for (long[] r : b.buckets()) {
                timelines.get(b.deviceId()).add(r[0], r[1], -1);
            }
        }
    }

    /** The most jobs booked on {@code deviceId} at any moment in {@code [from, to)}. */
    public int booked(String deviceId, Instant from, Instant to) {
        Timeline t = timelines.get(deviceId);
        return t == null ? 0 : t.max(first(from), last(to));
    }

    /** How many jobs are booked on {@code deviceId} at {@code at}. */
    public int bookedAt(String deviceId, Instant at) {
        Timeline t = timelines.get(deviceId);
        long k = Math.floorDiv(at.getEpochSecond(), bucketSec);
        return t == null ? 0 : t.max(k, k);
    }

    private long first(Instant from) {
        return Math.floorDiv(from.getEpochSecond(), bucketSec);
    }

    private long last(Instant to) {
        return Math.floorDiv(to.getEpochSecond() - 1, bucketSec);
    }

    /** Bucket counts from {@code base}, grown on demand in either direction. */
    private static final class Timeline {
        private long base;
        private int[] counts = new int[1024];

        Timeline(long base) {
            this.base = base;
        }

        void add(long from, long to, int delta) {
            ensure(from, to);
            for (long k = from; k <= to; k++) {
                counts[(int) (k - base)] += delta;
            }
        }

        int max(long from, long to) {
            int m = 0;
            long lo = Math.max(from, base);
            long hi = Math.min(to, base + counts.length - 1);
            for (long k = lo; k <= hi; k++) {
                m = Math.max(m, counts[(int) (k - base)]);
            }
            return m;
        }

        private void ensure(long from, long to) {
            if (from < base) {
                int shift = (int) (base - from) + counts.length / 2;
                int[] grown = new int[counts.length + shift];
                System.arraycopy(counts, 0, grown, shift, counts.length);
                counts = grown;
                base -= shift;
            }
            if (to - base >= counts.length) {
                counts = Arrays.copyOf(counts, (int) Math.max(counts.length * 2L, to - base + 1));
            }
        }
    }
}

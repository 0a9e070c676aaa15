package io.greenscribe.scheduling;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Decides when each job runs: the start that minimises forecast emissions integrated over the
 * whole run, that finishes before the deadline with a safety margin, and that leaves room on the
 * device (a {@link CapacityLedger}). Without a usable forecast it falls back per
 * {@link OutagePolicy}; a decision never blocks and never plans a job late. Thread-safe (serial).
 */
@RequiredArgsConstructor
public final class CarbonPlanner {

    private final CarbonIntensityFeed feed;
    private final Clock clock;
    private final ThroughputEstimator throughput;
    private final CapacityLedger ledger;
    private final PlannerPolicy policy;
    private final Map<GridZone, ForecastIndex> indexes = new HashMap<>();
    /** Each booking's device and length, so it can follow the run's real start. */
    private final Map<UUID, Booked> booked = new HashMap<>();
    /** Work the planner does not place (no deadline, run now, no room to wait), to hold workers back for. */
    private final UnplannedLoad unplanned = new UnplannedLoad(Duration.ofHours(24));
    /** Jobs with deadlines that arrived over the last day: the global schedule leaves room for their like. */
    private final RecentArrivals arrivals = new RecentArrivals(Duration.ofHours(24));

    /** Plans one job and books its run in the capacity ledger. */
    public synchronized SchedulingDecision plan(PlanRequest request) {
        Instant now = clock.instant();
        Instant earliest = request.earliestStart().isAfter(now) ? request.earliestStart() : now;
        Duration runTime = runTime(request);
        Duration padded = policy.padded(runTime);
        Planning p = new Planning(request, now, earliest, runTime, padded, policy.reserved(runTime));
        if (request.runNow()) {
            unplanned.arrived(now, p.reserved);
            return p.book(earliest, Reason.RUN_NOW_REQUESTED, "run-now override", null);
        }
        if (request.deadline() == null && policy.solver() == PlannerPolicy.Solver.GLOBAL) {
            // never behind planned work: it runs at once, and the workers held back are for it
            unplanned.arrived(now, p.reserved);
            return p.book(earliest, Reason.NO_DEADLINE, "no deadline: runs as soon as submitted", null);
        }
        if (request.deadline() == null) {
            // "At once" means at the first free worker: booking over a full device would push
            // jobs that do have deadlines past them.
            Instant at = ledger.earliestFit(
                            request.deviceId(),
                            earliest,
                            earliest.plus(policy.horizon()),
                            p.reserved,
                            ledger.capacity(request.deviceId()))
                    .orElse(earliest);
            return p.book(
                    at,
                    Reason.NO_DEADLINE,
                    at.equals(earliest)
                            ? "no deadline: runs as soon as submitted"
                            : "no deadline: runs at the first free worker",
                    null);
        }
        Instant latestSafe = policy.latestSafeStart(earliest, request.deadline(), runTime);
        p.latestSafe = latestSafe;
        if (latestSafe.isBefore(earliest)) {
            unplanned.arrived(now, p.reserved);
            return p.book(
                    earliest,
                    Reason.DEADLINE_TOO_TIGHT,
                    "needs " + padded.toMinutes() + " min with margin; deadline " + request.deadline()
                            + " leaves no room to wait",
                    null);
        }
        ForecastIndex index;
        try {
            index = index(request.zone(), now);
        } catch (RuntimeException e) {
            return fallback(p, Reason.FEED_UNAVAILABLE, e.getMessage());
        }
        if (policy.solver() == PlannerPolicy.Solver.GLOBAL) {
            arrivals.arrived(
                    request.jobId(),
                    earliest,
                    request.deviceId(),
                    Duration.between(earliest, latestSafe),
                    runTime,
                    request.interruptible());
            // one arrival is placed without the expected work: its classes would be re-shaped on every
            // submission (for 100 000 at once, ~1e10 steps by estimate); the next re-plan weighs it
            SchedulingDecision d = placement(index, now, null).place(List.of(p)).get(0);
            return d != null
                    ? d
                    : fallback(
                            p,
                            Reason.NO_FORECAST,
                            "forecast from " + index.forecast.source() + " does not cover a run from " + earliest);
        }
        return new WindowSearch(index, p, ledger, policy)
                .decide()
                .orElseGet(() -> fallback(
                        p,
                        Reason.NO_FORECAST,
                        "forecast from " + index.forecast.source() + " covers no full run between " + earliest + " and "
                                + latestSafe));
    }

    /**
     * Re-plans waiting jobs whose decision used an older forecast than the feed now has (or none).
     * Jobs already due are left to the queue. Deadlines are served first when capacity is short.
     *
     * @return the new decisions, for the jobs that were re-planned
     */
    public synchronized List<SchedulingDecision> replan(List<WaitingJob> waiting) {
        Instant now = clock.instant();
        if (policy.solver() == PlannerPolicy.Solver.GLOBAL) {
            return replanAll(waiting, now);
        }
        Map<GridZone, Instant> fresh = new HashMap<>();
        List<WaitingJob> stale = new ArrayList<>();
        for (WaitingJob w : waiting) {
            if (!w.runAt().isAfter(now)) {
                continue;
            }
            Instant fetched = fresh.computeIfAbsent(w.request().zone(), z -> fetchedAt(z, now));
            Instant used = w.forecastFetchedAt();
            if (fetched != null && (used == null || fetched.isAfter(used))) {
                stale.add(w);
            }
        }
        stale.forEach(w -> release(w.request().jobId()));
        stale.sort(Comparator.comparing(w -> w.request().deadline(), Comparator.nullsLast(Comparator.naturalOrder())));
        List<SchedulingDecision> out = new ArrayList<>(stale.size());
        for (WaitingJob w : stale) {
            out.add(plan(w.request()));
        }
        return out;
    }

    /**
     * One schedule for the whole waiting set: every job still waiting is released and placed again
     * together, on the newest forecast, against what runs or is due. Jobs the forecast cannot place
     * get their single-job fallback.
     */
    private List<SchedulingDecision> replanAll(List<WaitingJob> waiting, Instant now) {
        Map<GridZone, List<WaitingJob>> byZone = new HashMap<>();
        for (WaitingJob w : waiting) {
            if (w.runAt().isAfter(now) && w.request().deadline() != null) {
                byZone.computeIfAbsent(w.request().zone(), z -> new ArrayList<>())
                        .add(w);
            }
        }
        List<SchedulingDecision> out = new ArrayList<>();
        for (Map.Entry<GridZone, List<WaitingJob>> e : byZone.entrySet()) {
            e.getValue().forEach(w -> release(w.request().jobId()));
            ForecastIndex index;
            try {
                index = index(e.getKey(), now);
            } catch (RuntimeException ex) {
                e.getValue().forEach(w -> restore(w.request(), w.runAt())); // keep the plans in force
                continue;
            }
            List<Planning> plannings = new ArrayList<>();
            List<WaitingJob> placed = new ArrayList<>();
            for (WaitingJob w : e.getValue()) {
                Planning p = planning(w.request(), now);
                if (p.latestSafe.isBefore(p.earliest)) {
                    out.add(plan(w.request()));
                } else {
                    plannings.add(p);
                    placed.add(w);
                }
            }
            List<SchedulingDecision> decisions = placement(index, now, arrivals).place(plannings);
            for (int i = 0; i < decisions.size(); i++) {
                out.add(
                        decisions.get(i) != null
                                ? decisions.get(i)
                                : plan(placed.get(i).request()));
            }
        }
        return out;
    }

    private GlobalPlacement placement(ForecastIndex index, Instant now, RecentArrivals expect) {
        return new GlobalPlacement(index, ledger, policy, unplanned.workers(now, policy.holdBackFloor()), expect, now);
    }

    private Planning planning(PlanRequest request, Instant now) {
        Instant earliest = request.earliestStart().isAfter(now) ? request.earliestStart() : now;
        Duration runTime = runTime(request);
        Planning p = new Planning(request, now, earliest, runTime, policy.padded(runTime), policy.reserved(runTime));
        p.latestSafe =
                request.deadline() == null ? null : policy.latestSafeStart(earliest, request.deadline(), runTime);
        return p;
    }

    /** Frees the job's capacity booking: it finished, failed or was cancelled. */
    public synchronized void release(UUID jobId) {
        ledger.release(jobId);
        booked.remove(jobId);
    }

    /**
     * The job really started at {@code at}. A run that starts later than planned (its workers were
     * busy) holds a worker later than booked; moving the booking keeps the ledger true, so later
     * plans do not count on a worker that is still busy.
     */
    public synchronized void started(UUID jobId, Instant at) {
        Booked b = booked.get(jobId);
        if (b != null) {
            ledger.reserve(jobId, b.deviceId(), at, at.plus(b.reserved()));
        }
    }

    /**
     * Books a decision taken earlier, by this instance before a restart or by another instance, so
     * that new plans see its run. The run time is estimated as {@link #plan} would; replaces any
     * booking of the job.
     */
    public synchronized void restore(PlanRequest request, Instant runAt) {
        restore(request, runAt, List.of());
    }

    /** As {@link #restore(PlanRequest, Instant)}, for a job planned in {@code pieces} (none: one run). */
    public synchronized void restore(PlanRequest request, Instant runAt, List<RunPiece> pieces) {
        if (!pieces.isEmpty()) {
            ledger.reserve(request.jobId(), request.deviceId(), pieces);
            booked.remove(request.jobId());
            return;
        }
        Duration runTime = runTime(request);
        Duration reserved = policy.reserved(runTime);
        ledger.reserve(request.jobId(), request.deviceId(), runAt, runAt.plus(reserved));
        booked.put(request.jobId(), new Booked(request.deviceId(), reserved));
    }

    private Duration runTime(PlanRequest request) {
        return request.runTime() != null
                ? request.runTime()
                : throughput.estimateRunTime(request.deviceId(), request.audioDuration());
    }

    /** How many runs are booked on {@code deviceId} at {@code at}. */
    public synchronized int bookedAt(String deviceId, Instant at) {
        return ledger.bookedAt(deviceId, at);
    }

    private Instant fetchedAt(GridZone zone, Instant now) {
        try {
            return index(zone, now).forecast.fetchedAt();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private ForecastIndex index(GridZone zone, Instant now) {
        CarbonForecast f = feed.forecast(zone, now, now.plus(policy.horizon()));
        ForecastIndex cached = indexes.get(zone);
        if (cached != null && (cached.forecast == f || sameVintage(cached, f))) {
            return cached;
        }
        ForecastIndex fresh = new ForecastIndex(f);
        indexes.put(zone, fresh);
        return fresh;
    }

    // A trimmed copy of the forecast we already indexed: past slots in the index do no harm.
    private static boolean sameVintage(ForecastIndex cached, CarbonForecast f) {
        return cached.forecast.fetchedAt().equals(f.fetchedAt())
                && cached.forecast.source().equals(f.source())
                && (f.isEmpty()
                        || (!cached.isEmpty()
                                && cached.end()
                                        >= f.slots()
                                                .get(f.slots().size() - 1)
                                                .end()
                                                .getEpochSecond()));
    }

    private SchedulingDecision fallback(Planning p, Reason reason, String why) {
        if (policy.outagePolicy() == OutagePolicy.RUN_NOW) {
            return p.book(p.earliest, reason, why + "; policy RUN_NOW", null);
        }
        String device = p.request.deviceId();
        Instant at = ledger.latestFit(device, p.earliest, p.latestSafe, p.reserved, p.limit())
                .or(() -> ledger.latestFit(device, p.earliest, p.latestSafe, p.reserved, ledger.capacity(device)))
                .orElse(null);
        if (at == null) {
            return p.exhausted(why + "; and device " + device + " has no free worker before " + p.latestSafe, null);
        }
        return p.book(at, reason, why + "; policy LATEST_SAFE_START", null);
    }

    /** The facts of one planning call, and the booking that ends it. */
    final class Planning {
        final PlanRequest request;
        final Instant now;
        final Instant earliest;
        final Duration runTime;
        final Duration padded;
        final Duration reserved;
        Instant latestSafe;

        Planning(
                PlanRequest request,
                Instant now,
                Instant earliest,
                Duration runTime,
                Duration padded,
                Duration reserved) {
            this.request = request;
            this.now = now;
            this.earliest = earliest;
            this.runTime = runTime;
            this.padded = padded;
            this.reserved = reserved;
        }

        /** How many bookings deep this job may go: urgent jobs may use the headroom. */
        int limit() {
            return ledger.limitFor(request.deviceId(), urgent(), policy.flexibleShare());
        }

        /** Little slack: the job may use the workers kept for urgent work. */
        boolean urgent() {
            return latestSafe == null || Duration.between(earliest, latestSafe).compareTo(policy.urgentSlack()) <= 0;
        }

        /**
         * Every start up to the latest safe one is full: start as early as possible. (Waiting instead
         * for the first free worker in the margin or in the slack kept in reserve was tried in the
         * replay: 14 missed deadlines over 5 arrival seeds against 1, and a lower saving.)
         */
        SchedulingDecision exhausted(String why, Expected expected) {
            return book(earliest, Reason.CAPACITY_EXHAUSTED, why + "; starting as early as possible", expected);
        }

        SchedulingDecision book(Instant runAt, Reason reason, String detail, Expected expected) {
            ledger.reserve(request.jobId(), request.deviceId(), runAt, runAt.plus(reserved));
            if (ledger.capacity(request.deviceId()) != Integer.MAX_VALUE) { // an unlimited device books nothing
                booked.put(request.jobId(), new Booked(request.deviceId(), reserved));
            }
            return decision(runAt, reason, detail, expected, List.of());
        }

        /** An interruptible job booked in pieces: each piece holds a worker, the gaps do not. */
        SchedulingDecision bookPieces(List<RunPiece> pieces, Reason reason, String detail, Expected expected) {
            ledger.reserve(request.jobId(), request.deviceId(), pieces);
            booked.remove(request.jobId()); // its pieces stay where planned; a late start does not move them
            return decision(pieces.get(0).from(), reason, detail, expected, pieces);
        }

        private SchedulingDecision decision(
                Instant runAt, Reason reason, String detail, Expected expected, List<RunPiece> pieces) {
            Expected e = expected != null ? expected : Expected.NONE;
            return new SchedulingDecision(
                    request.jobId(),
                    runAt,
                    reason,
                    detail,
                    e.intensity(),
                    e.savingPct(),
                    e.baseline(),
                    runTime,
                    latestSafe,
                    now,
                    e.source(),
                    e.fetchedAt(),
                    e.signalType(),
                    pieces);
        }
    }

    /** Where a booking is and how long it holds a worker, so it can follow the run's real start. */
    record Booked(String deviceId, Duration reserved) {}

    /** What the forecast says about a chosen start. */
    record Expected(
            double intensity,
            double baseline,
            double savingPct,
            String source,
            Instant fetchedAt,
            SignalType signalType) {
        static final Expected NONE = new Expected(Double.NaN, Double.NaN, Double.NaN, null, null, null);
    }
}

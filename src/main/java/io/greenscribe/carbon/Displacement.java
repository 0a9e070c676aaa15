package io.greenscribe.carbon;

import io.greenscribe.carbon.CarbonPlanner.Booked;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes room for a job that finds its device full until its latest safe start. Bookings that
 * have not started and whose own windows leave them somewhere else to go are moved out of the way,
 * most patient first; the job takes the freed slot and each moved job is planned again. If any
 * moved job would then have no room before its own latest safe start, everything is put back as it
 * was and the next start is tried. Without this, the job would start as early as possible over a
 * full device and push jobs already planned there past their deadlines.
 *
 * <p>Not thread-safe: the planner serialises access.
 */
final class Displacement {

    /** How many starts are tried, greenest first; each try touches only the bookings it overlaps. */
    static final int MAX_TRIES = 48;

    private final CapacityLedger ledger;
    private final Map<String, Booked> booked;
    private final Function<PlanRequest, SchedulingDecision> replanQuietly;

    /**
     * @param replanQuietly plans a moved job again, without displacing anything itself
     */
    Displacement(CapacityLedger ledger, Map<String, Booked> booked, Function<PlanRequest, SchedulingDecision> replanQuietly) {
        this.ledger = ledger;
        this.booked = booked;
        this.replanQuietly = replanQuietly;
    }

    /** The job booked at one of {@code starts}, with the decisions of the jobs that moved for it. */
    record Outcome(SchedulingDecision decision, List<SchedulingDecision> moved) {
    }

    /**
     * @param device the job's device
     * @param now the planning time: bookings due by then are left where they are
     * @param starts the starts to try, in order of preference
     * @param reserved how long the job books a worker for
     * @param bookAt books the job at a start and returns its decision
     */
    Optional<Outcome> makeRoom(String jobId, String device, Instant now, List<Instant> starts, Duration reserved,
            Function<Instant, SchedulingDecision> bookAt) {
        int capacity = ledger.capacity(device);
        if (capacity == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        int tries = 0;
        for (Instant s : starts) {
            if (tries++ == MAX_TRIES) {
                break;
            }
            Instant end = s.plus(reserved);
            List<Booked> movable = movable(jobId, device, now, s, end);
            if (movable.isEmpty()) {
                continue;
            }
            List<Booked> moved = new ArrayList<>();
            for (Booked b : movable) {
                if (ledger.fits(device, s, end, capacity)) {
                    break;
                }
                ledger.release(b.request().jobId());
                booked.remove(b.request().jobId());
                moved.add(b);
            }
            if (!ledger.fits(device, s, end, capacity)) {
                restore(moved);
                continue;
            }
            SchedulingDecision decision = bookAt.apply(s);
            List<SchedulingDecision> replanned = replan(moved);
            if (replanned != null) {
                return Optional.of(new Outcome(decision, replanned));
            }
            ledger.release(jobId);
            booked.remove(jobId);
            restore(moved);
        }
        return Optional.empty();
    }

    /** Moved jobs, earliest deadline first; {@code null} (and nothing booked) if one has nowhere to go. */
    private List<SchedulingDecision> replan(List<Booked> moved) {
        List<Booked> order = new ArrayList<>(moved);
        order.sort(Comparator.comparing(b -> b.request().deadline()));
        List<SchedulingDecision> out = new ArrayList<>();
        for (Booked b : order) {
            SchedulingDecision d = replanQuietly.apply(b.request());
            out.add(d);
            boolean late = d.latestSafeStart() != null && d.runAt().isAfter(d.latestSafeStart());
            if (d.reason() == SchedulingDecision.Reason.CAPACITY_EXHAUSTED
                    || d.reason() == SchedulingDecision.Reason.DEADLINE_TOO_TIGHT || late) {
                out.forEach(x -> {
                    ledger.release(x.jobId());
                    booked.remove(x.jobId());
                });
                return null;
            }
        }
        return out;
    }

    private void restore(List<Booked> moved) {
        for (Booked b : moved) {
            ledger.reserve(b.request().jobId(), b.request().deviceId(), b.runAt(), b.runAt().plus(b.reserved()));
            booked.put(b.request().jobId(), b);
        }
    }

    /**
     * Bookings overlapping {@code [from, to)} on the device that may still move: not started, not
     * yet due, with a deadline (a job without one was placed at the first free worker and keeps it).
     * Most slack first, so the jobs with the most room elsewhere move.
     */
    private List<Booked> movable(String jobId, String device, Instant now, Instant from, Instant to) {
        List<Booked> out = new ArrayList<>();
        for (Booked b : booked.values()) {
            if (b.started() || b.latestSafe() == null || !b.runAt().isAfter(now)
                    || !b.request().deviceId().equals(device) || b.request().jobId().equals(jobId)) {
                continue;
            }
            Instant bEnd = b.runAt().plus(b.reserved());
            if (b.runAt().isBefore(to) && bEnd.isAfter(from)) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparing((Booked b) -> b.request().deadline()).reversed());
        return out;
    }
}

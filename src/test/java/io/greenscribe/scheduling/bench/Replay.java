package io.greenscribe.scheduling.bench;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.trace.RecordedTrace;
import io.greenscribe.scheduling.CapacityLedger;
import io.greenscribe.scheduling.CarbonPlanner;
import io.greenscribe.scheduling.PlanRequest;
import io.greenscribe.scheduling.PlannerPolicy;
import io.greenscribe.scheduling.SchedulingDecision;
import io.greenscribe.scheduling.ThroughputEstimator;
import io.greenscribe.scheduling.WaitingJob;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Discrete-event replay of one job stream on a bounded pool of workers against the real (actual)
 * trace. Jobs become ready at their planned start and wait for a free worker if none is; emissions
 * are scored on the actual intensity over the real run.
 */
final class Replay {

    /** A replay job's id: its index, as a UUID. */
    static UUID id(long index) {
        return new UUID(0, index);
    }

    static final String DEVICE = "gpu";
    static final GridZone ZONE = GridZone.of("replay");

    record Outcome(
            Strategy strategy,
            Map<String, Double> emissionsByWindow,
            Map<String, Double> immediateLike,
            int withDeadline,
            int deadlinesMet,
            double meanDelayMin,
            Map<SchedulingDecision.Reason, Integer> reasons,
            double planMillis,
            List<Miss> misses,
            List<Miss> runs) {
        double total() {
            return emissionsByWindow.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }
    }

    /** A job that finished after its deadline, with what the planner last said about it. */
    record Miss(SimJob job, Instant started, SchedulingDecision decision, Instant readyAt) {
        @Override
        public String toString() {
            return "job " + job.id() + " (" + job.window() + ", audio "
                    + job.audio().toMinutes() + " min, runs "
                    + job.actualRunTime().toMinutes() + " min) arrived " + job.arrival() + ", deadline "
                    + job.deadline()
                    + ", ready " + readyAt + ", started " + started + ", late by "
                    + Duration.between(job.deadline(), started.plus(job.actualRunTime()))
                            .toMinutes() + " min; decision "
                    + (decision == null
                            ? "-"
                            : decision.reason() + " at " + decision.decidedAt() + " runAt " + decision.runAt() + " est "
                                    + decision.estimatedRunTime().toMinutes() + " min: " + decision.detail());
        }
    }

    private enum Kind {
        ARRIVE,
        READY,
        FINISH,
        REFORECAST,
        PAUSE
    }

    /** A READY event that resumes a paused job (or starts a pieced one): not a plan's version. */
    private static final int RESUME = -1;

    private record Event(Instant at, Kind kind, int job, int version) {}

    private final RecordedTrace actual;
    private final List<SimJob> jobs;
    private final int workers;
    private final PlannerPolicy policy;
    private final boolean interruptible;

    /** Jobs submitted as the server submits them by default: interruptible, so planned in pieces. */
    Replay(RecordedTrace actual, List<SimJob> jobs, int workers, PlannerPolicy policy) {
        this(actual, jobs, workers, policy, true);
    }

    /**
     * @param interruptible jobs may be planned in pieces: a job then runs only inside its pieces,
     *     pausing at a piece's end while a later piece is to come (the server pauses at its next
     *     window boundary, here at once), and runs on past its last piece if it overruns
     */
    Replay(RecordedTrace actual, List<SimJob> jobs, int workers, PlannerPolicy policy, boolean interruptible) {
        this.actual = actual;
        this.jobs = jobs;
        this.workers = workers;
        this.policy = policy;
        this.interruptible = interruptible;
    }

    /**
     * @param feedFactory builds the forecast feed on the replay's clock
     * @param reforecastAt when newer forecasts are published (re-planning for GREENSCRIBE); may be empty
     */
    Outcome run(
            Strategy strategy,
            java.util.function.Function<MutableClock, CarbonIntensityFeed> feedFactory,
            List<Instant> reforecastAt) {
        MutableClock clock = new MutableClock(jobs.get(0).arrival());
        CarbonIntensityFeed feed = feedFactory.apply(clock);
        ThroughputEstimator speed = new ThroughputEstimator(1.0, 0.1);
        CarbonPlanner planner = new CarbonPlanner(
                feed,
                clock,
                speed,
                new CapacityLedger(Map.of(DEVICE, workers), workers, Duration.ofMinutes(1)),
                policy);
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> {
            int c = a.at().compareTo(b.at());
            return c != 0 ? c : Integer.compare(a.kind().ordinal(), b.kind().ordinal());
        });
        jobs.forEach(j -> events.add(new Event(j.arrival(), Kind.ARRIVE, j.id(), 0)));
        reforecastAt.stream()
                .filter(t -> t.isAfter(jobs.get(0).arrival()))
                .forEach(t -> events.add(new Event(t, Kind.REFORECAST, -1, 0)));
        int[] version = new int[jobs.size()];
        Instant[] started = new Instant[jobs.size()];
        long[] left = new long[jobs.size()]; // run seconds still to do
        long[] since = new long[jobs.size()]; // start of the stretch running now, or -1
        @SuppressWarnings("unchecked")
        List<long[]>[] ran = new List[jobs.size()];
        @SuppressWarnings("unchecked")
        List<io.greenscribe.scheduling.RunPiece>[] pieces = new List[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            left[i] = jobs.get(i).actualRunTime().getSeconds();
            since[i] = -1;
            ran[i] = new ArrayList<>();
            pieces[i] = List.of();
        }
        Instant[] readyAt = new Instant[jobs.size()];
        SchedulingDecision[] last = new SchedulingDecision[jobs.size()];
        Map<Integer, WaitingJob> waiting = new HashMap<>();
        // The queue serves due jobs earliest deadline first (no deadline last), for every strategy.
        PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> {
            Instant da = jobs.get(a).deadline();
            Instant db = jobs.get(b).deadline();
            int c = (da == null ? Instant.MAX : da).compareTo(db == null ? Instant.MAX : db);
            return c != 0 ? c : Integer.compare(a, b);
        });
        Map<SchedulingDecision.Reason, Integer> reasons = new EnumMap<>(SchedulingDecision.Reason.class);
        int free = workers;
        long planNanos = 0;
        while (!events.isEmpty()) {
            Event e = events.poll();
            clock.set(e.at());
            switch (e.kind()) {
                case ARRIVE -> {
                    SimJob j = jobs.get(e.job());
                    Instant runAt;
                    long t0 = System.nanoTime();
                    if (strategy == Strategy.GREENSCRIBE) {
                        PlanRequest r = j.deadline() == null
                                ? PlanRequest.withoutDeadline(Replay.id(j.id()), ZONE, DEVICE, j.audio(), j.arrival())
                                : PlanRequest.withDeadline(
                                                Replay.id(j.id()), ZONE, DEVICE, j.audio(), j.arrival(), j.deadline())
                                        .interruptibly(interruptible);
                        SchedulingDecision d = planner.plan(r);
                        pieces[j.id()] = d.pieces();
                        reasons.merge(d.reason(), 1, Integer::sum);
                        last[j.id()] = d;
                        runAt = d.runAt();
                        if (runAt.isAfter(e.at())) {
                            waiting.put(j.id(), WaitingJob.under(r, d));
                        }
                    } else {
                        runAt = strategy.start(
                                e.at(),
                                j.deadline(),
                                speed.estimateRunTime(DEVICE, j.audio()),
                                forecast(feed, e.at(), j.deadline()));
                    }
                    planNanos += System.nanoTime() - t0;
                    events.add(new Event(runAt, Kind.READY, j.id(), version[j.id()]));
                }
                case REFORECAST -> {
                    if (strategy == Strategy.GREENSCRIBE && !waiting.isEmpty()) {
                        long t0 = System.nanoTime();
                        for (SchedulingDecision d : planner.replan(new ArrayList<>(waiting.values()))) {
                            int id = (int) d.jobId().getLeastSignificantBits();
                            waiting.put(id, WaitingJob.under(waiting.get(id).request(), d));
                            last[id] = d;
                            pieces[id] = d.pieces();
                            events.add(new Event(d.runAt(), Kind.READY, id, ++version[id]));
                        }
                        planNanos += System.nanoTime() - t0;
                    }
                }
                case READY -> {
                    int id = e.job();
                    if (e.version() == RESUME
                            ? since[id] >= 0 || left[id] == 0
                            : e.version() != version[id] || started[id] != null) {
                        continue;
                    }
                    if (e.version() != RESUME) {
                        waiting.remove(id);
                        version[id] = RESUME; // no more re-planning once due
                        readyAt[id] = e.at();
                    }
                    ready.add(id);
                }
                case FINISH, PAUSE -> {
                    int id = e.job();
                    free++;
                    ran[id].add(new long[] {since[id], e.at().getEpochSecond()});
                    left[id] -= e.at().getEpochSecond() - since[id];
                    since[id] = -1;
                    if (e.kind() == Kind.FINISH) {
                        SimJob j = jobs.get(id);
                        planner.release(Replay.id(j.id()));
                        speed.record(DEVICE, j.audio(), j.actualRunTime());
                    } else {
                        events.add(new Event(next(pieces[id], e.at()).from(), Kind.READY, id, RESUME));
                    }
                }
            }
            while (free > 0 && !ready.isEmpty()) {
                int id = ready.poll();
                long now = e.at().getEpochSecond();
                io.greenscribe.scheduling.RunPiece in = within(pieces[id], e.at());
                io.greenscribe.scheduling.RunPiece after = next(pieces[id], e.at());
                if (in == null && after != null) {
                    // outside every piece with one to come: the server pauses it at once
                    events.add(new Event(after.from(), Kind.READY, id, RESUME));
                    continue;
                }
                free--;
                if (started[id] == null) {
                    started[id] = e.at();
                    if (strategy == Strategy.GREENSCRIBE) {
                        planner.started(Replay.id(jobs.get(id).id()), e.at());
                    }
                }
                since[id] = now;
                long pauseAt = in != null && after != null ? in.to().getEpochSecond() : Long.MAX_VALUE;
                if (now + left[id] <= pauseAt) {
                    events.add(new Event(Instant.ofEpochSecond(now + left[id]), Kind.FINISH, id, 0));
                } else {
                    events.add(new Event(Instant.ofEpochSecond(pauseAt), Kind.PAUSE, id, 0));
                }
            }
        }
        return score(strategy, started, ran, reasons, planNanos / 1e6, readyAt, last);
    }

    /** The piece {@code at} lies in, or null. */
    private static io.greenscribe.scheduling.RunPiece within(
            List<io.greenscribe.scheduling.RunPiece> pieces, Instant at) {
        for (io.greenscribe.scheduling.RunPiece p : pieces) {
            if (!at.isBefore(p.from()) && at.isBefore(p.to())) {
                return p;
            }
        }
        return null;
    }

    /** The first piece that starts after {@code at}, or null. */
    private static io.greenscribe.scheduling.RunPiece next(
            List<io.greenscribe.scheduling.RunPiece> pieces, Instant at) {
        for (io.greenscribe.scheduling.RunPiece p : pieces) {
            if (p.from().isAfter(at)) {
                return p;
            }
        }
        return null;
    }

    private Optional<CarbonForecast> forecast(CarbonIntensityFeed feed, Instant now, Instant deadline) {
        if (deadline == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(feed.forecast(ZONE, now, deadline));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Outcome score(
            Strategy strategy,
            Instant[] started,
            List<long[]>[] ran,
            Map<SchedulingDecision.Reason, Integer> reasons,
            double planMillis,
            Instant[] readyAt,
            SchedulingDecision[] last) {
        List<Miss> misses = new ArrayList<>();
        List<Miss> runs = new ArrayList<>();
        Map<String, Double> byWindow = new TreeMap<>();
        int withDeadline = 0;
        int met = 0;
        double delay = 0;
        for (SimJob j : jobs) {
            Instant s = started[j.id()];
            double g = 0;
            long endSec = s.getEpochSecond();
            for (long[] r : ran[j.id()]) {
                g += actual.integral(r[0], r[1]);
                endSec = Math.max(endSec, r[1]);
            }
            Instant end = Instant.ofEpochSecond(endSec);
            byWindow.merge(j.window(), g, Double::sum);
            runs.add(new Miss(j, s, last[j.id()], readyAt[j.id()]));
            delay += Duration.between(j.arrival(), s).toSeconds() / 60.0;
            if (j.deadline() != null) {
                withDeadline++;
                if (!end.isAfter(j.deadline())) {
                    met++;
                } else {
                    misses.add(new Miss(j, s, last[j.id()], readyAt[j.id()]));
                }
            }
        }
        return new Outcome(
                strategy,
                byWindow,
                Map.of(),
                withDeadline,
                met,
                delay / jobs.size(),
                reasons,
                planMillis,
                misses,
                runs);
    }
}

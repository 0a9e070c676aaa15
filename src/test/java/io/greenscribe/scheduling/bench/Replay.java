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
        REFORECAST
    }

    private record Event(Instant at, Kind kind, int job, int version) {}

    private final RecordedTrace actual;
    private final List<SimJob> jobs;
    private final int workers;
    private final PlannerPolicy policy;

    Replay(RecordedTrace actual, List<SimJob> jobs, int workers, PlannerPolicy policy) {
        this.actual = actual;
        this.jobs = jobs;
        this.workers = workers;
        this.policy = policy;
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
                                        Replay.id(j.id()), ZONE, DEVICE, j.audio(), j.arrival(), j.deadline());
                        SchedulingDecision d = planner.plan(r);
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
                            events.add(new Event(d.runAt(), Kind.READY, id, ++version[id]));
                        }
                        planNanos += System.nanoTime() - t0;
                    }
                }
                case READY -> {
                    if (e.version() != version[e.job()] || started[e.job()] != null) {
                        continue;
                    }
                    waiting.remove(e.job());
                    version[e.job()] = -1; // no more re-planning once due
                    readyAt[e.job()] = e.at();
                    ready.add(e.job());
                }
                case FINISH -> {
                    free++;
                    SimJob j = jobs.get(e.job());
                    planner.release(Replay.id(j.id()));
                    speed.record(DEVICE, j.audio(), j.actualRunTime());
                }
            }
            while (free > 0 && !ready.isEmpty()) {
                int id = ready.poll();
                free--;
                started[id] = e.at();
                if (strategy == Strategy.GREENSCRIBE) {
                    planner.started(Replay.id(jobs.get(id).id()), e.at());
                }
                events.add(new Event(e.at().plus(jobs.get(id).actualRunTime()), Kind.FINISH, id, 0));
            }
        }
        return score(strategy, started, reasons, planNanos / 1e6, readyAt, last);
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
            Instant end = s.plus(j.actualRunTime());
            double g = actual.integral(s.getEpochSecond(), end.getEpochSecond());
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

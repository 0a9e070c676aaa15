package io.greenscribe.scheduling;

import io.greenscribe.scheduling.PlannedJob.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the carbon planner in step with the database. At start-up it teaches the throughput
 * estimator from recent runs and books every job that has not ended into the (empty, in-memory)
 * capacity ledger; then, every re-plan interval, it books them again (so what other instances
 * planned, started or ended counts here within one interval) and re-plans the jobs still waiting
 * on the newest forecast, writing back only decisions that changed and only onto rows nobody
 * touched meanwhile. Across instances the re-plan is serialised by a {@link ReplanLock}; each
 * instance's ledger still sees the others' new submissions only at its next cycle.
 */
@RequiredArgsConstructor
public final class PlanMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlanMaintenance.class);

    /** Enough finished runs for the estimator's warm-up and a settled average. */
    static final int SEED_RUNS = 50;

    private final PlannedJobs jobs;
    private final CarbonAwareScheduling scheduling;
    private final CarbonPlanner planner;
    private final PlannerFeedback feedback;
    private final ReplanLock lock;
    private final Clock clock;
    private final Duration interval;
    private Set<UUID> booked = new HashSet<>();
    private ScheduledExecutorService timer;
    private volatile boolean running;

    /** What one cycle did. */
    public record Cycle(int booked, int replanned, int moved) {}

    @Override
    public void start() {
        running = true;
        try {
            List<FinishedRun> runs = new ArrayList<>(jobs.recentRuns(SEED_RUNS));
            Collections.reverse(runs);
            feedback.seed(runs);
            Cycle c = cycle();
            log.info(
                    "Carbon planner rebuilt from the database: learned from {} run(s), booked {} job(s), moved {}",
                    runs.size(),
                    c.booked(),
                    c.moved());
        } catch (RuntimeException e) {
            // planning still works on an empty ledger, only less well: never stop the server for it
            log.warn("Could not rebuild the carbon planner's books at start-up; the next cycle retries", e);
        }
        if (!interval.isZero() && !interval.isNegative()) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "carbon-replan");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(
                    this::guardedCycle, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void guardedCycle() {
        try {
            Cycle c = cycle();
            if (c.moved() > 0) {
                log.info("Re-planned {} waiting job(s) on the newest forecast; {} moved", c.replanned(), c.moved());
            }
        } catch (RuntimeException e) {
            log.warn("Re-planning failed; retrying in {}", interval, e);
        }
    }

    /**
     * Books every job that has not ended, then re-plans those still waiting, unless another
     * instance is re-planning right now. Serial: one cycle at a time.
     */
    public synchronized Cycle cycle() {
        // read under the lock, so the rows another instance just re-planned are read as it wrote them
        return lock.ifFree(() -> cycle(true)).orElseGet(() -> cycle(false));
    }

    private Cycle cycle(boolean replan) {
        Instant now = clock.instant();
        Map<UUID, Planned> active = new HashMap<>();
        for (PlannedJob j : jobs.active()) {
            scheduling.planRequest(j.request()).ifPresent(r -> active.put(r.jobId(), new Planned(j, r)));
        }
        rebook(active);
        if (!replan) {
            return new Cycle(active.size(), 0, 0);
        }
        List<WaitingJob> waiting = new ArrayList<>();
        for (Planned p : active.values()) {
            if (p.job.state() == State.WAITING && p.job.runAt().isAfter(now)) {
                // the row does not keep the forecast vintage: every waiting job is re-planned each
                // cycle, and with the interval at the forecast cache's TTL each cycle has a newer one
                waiting.add(new WaitingJob(p.request, p.job.runAt(), null));
            }
        }
        List<SchedulingDecision> fresh = planner.replan(waiting);
        int moved = 0;
        for (SchedulingDecision d : fresh) {
            Planned p = active.get(d.jobId());
            if (unchanged(p.job, d)) {
                continue;
            }
            if (jobs.replan(d.jobId(), p.job.version(), d)) {
                moved++;
            } else {
                bookAsItStands(p); // the row moved on (claimed, cancelled, run now): the new booking is wrong
            }
        }
        return new Cycle(active.size(), fresh.size(), moved);
    }

    private void bookAsItStands(Planned read) {
        Optional<PlannedJob> now = jobs.find(read.request.jobId());
        if (now.isPresent()) {
            planner.restore(read.request, now.get().occupiesFrom(), now.get().pieces());
        } else {
            planner.release(read.request.jobId());
        }
    }

    /**
     * Books what the database says and frees what this cycle no longer finds (ended on another
     * instance, or here between two cycles while being booked from an older read).
     */
    private void rebook(Map<UUID, Planned> active) {
        for (Planned p : active.values()) {
            planner.restore(p.request, p.job.occupiesFrom(), p.job.pieces());
        }
        for (UUID gone : booked) {
            if (!active.containsKey(gone)) {
                planner.release(gone);
            }
        }
        booked = new HashSet<>(active.keySet());
    }

    private static boolean unchanged(PlannedJob j, SchedulingDecision next) {
        return j.runAt().equals(next.runAt())
                && j.pieces().equals(next.pieces())
                && j.reason() == next.reason()
                && Objects.equals(j.expectedIntensity(), next.expectedIntensityOrNull());
    }

    private record Planned(PlannedJob job, PlanRequest request) {}

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // before the web server takes submissions and the queue worker claims: first plans see the books
        return 0;
    }
}

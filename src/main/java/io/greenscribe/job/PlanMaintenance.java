package io.greenscribe.job;

import io.greenscribe.carbon.CarbonPlanner;
import io.greenscribe.carbon.PlanRequest;
import io.greenscribe.carbon.SchedulingDecision;
import io.greenscribe.carbon.WaitingJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the carbon planner in step with the database. At start-up it teaches the throughput
 * estimator from recent runs and books every job that has not ended into the (empty, in-memory)
 * capacity ledger; then, every re-plan interval, it books them again (so what other instances
 * planned, started or ended counts here within one interval) and re-plans the jobs still waiting
 * on the newest forecast, writing back only decisions that changed and only onto rows nobody
 * touched meanwhile. Across instances the re-plan is serialised by a {@link ReplanLock}; each
 * instance's ledger still sees the others' new submissions only at its next cycle.
 */
final class PlanMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlanMaintenance.class);

    /** Enough finished runs for the estimator's warm-up and a settled average. */
    static final int SEED_RUNS = 50;

    private static final Set<JobStatus> ACTIVE = EnumSet.of(JobStatus.WAITING_FOR_WINDOW, JobStatus.QUEUED,
            JobStatus.RUNNING);

    private final TranscriptionJobRepository jobs;
    private final CarbonAwareScheduling scheduling;
    private final CarbonPlanner planner;
    private final PlannerFeedback feedback;
    private final TransactionTemplate tx;
    private final ReplanLock lock;
    private final Clock clock;
    private final Duration interval;
    private Set<String> booked = new HashSet<>();
    private ScheduledExecutorService timer;
    private volatile boolean running;

    PlanMaintenance(TranscriptionJobRepository jobs, CarbonAwareScheduling scheduling, CarbonPlanner planner,
            PlannerFeedback feedback, TransactionTemplate tx, ReplanLock lock, Clock clock, Duration interval) {
        this.jobs = jobs;
        this.scheduling = scheduling;
        this.planner = planner;
        this.feedback = feedback;
        this.tx = tx;
        this.lock = lock;
        this.clock = clock;
        this.interval = interval;
    }

    /** What one cycle did. */
    record Cycle(int booked, int replanned, int moved) {}

    @Override
    public void start() {
        running = true;
        try {
            List<TranscriptionJob> runs = new ArrayList<>(jobs.recentRuns(PageRequest.of(0, SEED_RUNS)));
            Collections.reverse(runs);
            feedback.seed(runs);
            Cycle c = cycle();
            log.info("Carbon planner rebuilt from the database: learned from {} run(s), booked {} job(s), moved {}",
                    runs.size(), c.booked(), c.moved());
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
            timer.scheduleWithFixedDelay(this::guardedCycle, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
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
    synchronized Cycle cycle() {
        // read under the lock, so the rows another instance just re-planned are read as it wrote them
        return lock.ifFree(() -> cycle(true)).orElseGet(() -> cycle(false));
    }

    private Cycle cycle(boolean replan) {
        Instant now = clock.instant();
        Map<String, Planned> active = new HashMap<>();
        for (TranscriptionJob j : jobs.findByStatusInAndDeadlineIsNotNull(ACTIVE)) {
            request(j).ifPresent(r -> active.put(r.jobId(), new Planned(j, r)));
        }
        rebook(active);
        if (!replan) {
            return new Cycle(active.size(), 0, 0);
        }
        List<WaitingJob> waiting = new ArrayList<>();
        for (Planned p : active.values()) {
            if (p.job.status == JobStatus.WAITING_FOR_WINDOW && p.job.runAt.isAfter(now)) {
                waiting.add(new WaitingJob(p.request, inForce(p)));
            }
        }
        List<SchedulingDecision> fresh = planner.replan(waiting);
        int moved = 0;
        for (SchedulingDecision d : fresh) {
            Planned p = active.get(d.jobId());
            JobScheduling.Decision next = CarbonAwareScheduling.decision(d);
            if (unchanged(p.job, next)) {
                continue;
            }
            if (write(p.job, next, now)) {
                moved++;
            } else {
                bookAsItStands(p); // the row moved on (claimed, cancelled, run now): the new booking is wrong
            }
        }
        return new Cycle(active.size(), fresh.size(), moved);
    }

    private Optional<PlanRequest> request(TranscriptionJob j) {
        return scheduling.planRequest(new JobScheduling.Request(j.id, j.createdAt, j.deadline, j.notBefore,
                JobService.durationUpperBound(j.audioBytes)));
    }

    private void bookAsItStands(Planned read) {
        Optional<TranscriptionJob> now = jobs.findById(read.job.id).filter(j -> ACTIVE.contains(j.status));
        if (now.isPresent()) {
            planner.restore(read.request, start(now.get()));
        } else {
            planner.release(read.request.jobId());
        }
    }

    /** A running job occupies the device from its start; any other from its run_at. */
    private static Instant start(TranscriptionJob j) {
        return j.status == JobStatus.RUNNING && j.startedAt != null ? j.startedAt : j.runAt;
    }

    /**
     * Books what the database says and frees what this cycle no longer finds (ended on another
     * instance, or here between two cycles while being booked from an older read).
     */
    private void rebook(Map<String, Planned> active) {
        for (Planned p : active.values()) {
            planner.restore(p.request, start(p.job));
        }
        for (String gone : booked) {
            if (!active.containsKey(gone)) {
                planner.release(gone);
            }
        }
        booked = new HashSet<>(active.keySet());
    }

    /**
     * The decision in force as re-planning needs it. The row does not keep which forecast vintage
     * it was planned on, so it says none: every waiting job is re-planned each cycle, and with the
     * interval at the forecast cache's TTL each cycle has a newer forecast anyway.
     */
    private static SchedulingDecision inForce(Planned p) {
        TranscriptionJob j = p.job;
        double intensity = j.expectedIntensity == null ? Double.NaN : j.expectedIntensity;
        return new SchedulingDecision(p.request.jobId(), j.runAt, SchedulingDecision.Reason.GREENEST_WINDOW,
                j.schedulingDetail, intensity, Double.NaN, Double.NaN, null, null, j.createdAt, null, null, null);
    }

    private static boolean unchanged(TranscriptionJob j, JobScheduling.Decision next) {
        return j.runAt.equals(next.runAt()) && Objects.equals(j.schedulingReason, next.reason())
                && Objects.equals(j.expectedIntensity, next.expectedIntensity());
    }

    /** Writes the new decision only onto the row as it was read: still waiting, same version. */
    private boolean write(TranscriptionJob read, JobScheduling.Decision next, Instant now) {
        UUID id = read.id;
        try {
            return Boolean.TRUE.equals(tx.execute(s -> {
                Optional<TranscriptionJob> row = jobs.findById(id);
                if (row.isEmpty() || row.get().status != JobStatus.WAITING_FOR_WINDOW
                        || row.get().version != read.version) {
                    return false;
                }
                row.get().schedule(next, now);
                jobs.saveAndFlush(row.get());
                return true;
            }));
        } catch (ObjectOptimisticLockingFailureException e) {
            return false; // promoted or claimed between our read and our write
        }
    }

    private record Planned(TranscriptionJob job, PlanRequest request) {}

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

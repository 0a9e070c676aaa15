package io.greenscribe.job;

import io.greenscribe.carbon.CarbonPlanner;
import io.greenscribe.carbon.SchedulingDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the decisions the planner changed as a side effect onto their job rows: to make room for
 * a job that found the device full, the planner moves patient jobs that have not started (see
 * {@code carbon.Displacement}), and the queue only knows a job's start from its row. A row that
 * moved on meanwhile (claimed, cancelled) keeps its state and the planner's booking follows it.
 */
final class MovedJobs {

    private static final Logger log = LoggerFactory.getLogger(MovedJobs.class);

    private final TranscriptionJobRepository jobs;
    private final CarbonPlanner planner;
    private final TransactionTemplate tx;
    private final Clock clock;

    MovedJobs(TranscriptionJobRepository jobs, CarbonPlanner planner, TransactionTemplate tx, Clock clock) {
        this.jobs = jobs;
        this.planner = planner;
        // Its own transaction: a submission may still be open around us, and a lost optimistic
        // write here must not roll that submission back.
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Drains the planner's moved decisions; never throws. @return how many rows took their new start */
    int apply() {
        int written = 0;
        for (SchedulingDecision d : planner.takeMoved()) {
            try {
                written += write(d) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Could not move job {} to {}: {}; the next re-plan cycle rebuilds its booking", d.jobId(),
                        d.runAt(), e.toString());
            }
        }
        return written;
    }

    private boolean write(SchedulingDecision d) {
        UUID id = UUID.fromString(d.jobId());
        JobScheduling.Decision next = CarbonAwareScheduling.decision(d);
        Instant now = clock.instant();
        Optional<TranscriptionJob> row;
        try {
            row = Optional.ofNullable(tx.execute(s -> {
                TranscriptionJob j = jobs.findById(id).orElse(null);
                if (j != null && j.status == JobStatus.WAITING_FOR_WINDOW) {
                    j.schedule(next, now);
                    return jobs.saveAndFlush(j);
                }
                return j;
            }));
        } catch (ObjectOptimisticLockingFailureException e) {
            row = jobs.findById(id); // claimed between our read and our write
        }
        if (row.isEmpty()) {
            // not committed yet (a batch still being written) or purged: the next cycle books what the row says
            return false;
        }
        TranscriptionJob j = row.get();
        if (j.runAt.equals(next.runAt()) && j.schedulingReason != null && j.schedulingReason.equals(next.reason())) {
            return true;
        }
        if (j.status.isFinished()) {
            planner.release(d.jobId());
        } else if (j.status == JobStatus.RUNNING) {
            planner.moveBooking(d.jobId(), j.heartbeatAt != null ? j.heartbeatAt : j.runAt, true);
        } else {
            planner.moveBooking(d.jobId(), j.runAt, false);
        }
        return false;
    }
}

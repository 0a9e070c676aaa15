package io.greenscribe.job;

import io.greenscribe.scheduling.FinishedRun;
import io.greenscribe.scheduling.PlannedJob;
import io.greenscribe.scheduling.PlannedJobs;
import io.greenscribe.scheduling.SchedulingDecision;
import io.greenscribe.scheduling.SchedulingRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/** The job store as the scheduler's books read and write it: the {@link PlannedJobs} port. */
@RequiredArgsConstructor
final class PlannedJobStore implements PlannedJobs {

    private static final Set<JobStatus> ACTIVE =
            EnumSet.of(JobStatus.WAITING_FOR_WINDOW, JobStatus.QUEUED, JobStatus.RUNNING);

    private final TranscriptionJobRepository jobs;
    private final TransactionTemplate tx;

    @Override
    public List<PlannedJob> active() {
        return jobs.findByStatusInAndDeadlineIsNotNull(ACTIVE).stream()
                .map(PlannedJobStore::planned)
                .toList();
    }

    @Override
    public Optional<PlannedJob> find(UUID jobId) {
        return jobs.findById(jobId).filter(j -> ACTIVE.contains(j.status)).map(PlannedJobStore::planned);
    }

    /** Writes the new decision only onto the row as it was read: still waiting, same version. */
    @Override
    public boolean replan(UUID jobId, long version, SchedulingDecision next) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> {
                Optional<TranscriptionJob> row = jobs.findById(jobId);
                if (row.isEmpty() || row.get().status != JobStatus.WAITING_FOR_WINDOW || row.get().version != version) {
                    return false;
                }
                row.get().schedule(next, next.decidedAt());
                jobs.saveAndFlush(row.get());
                return true;
            }));
        } catch (ObjectOptimisticLockingFailureException e) {
            return false; // promoted or claimed between our read and our write
        }
    }

    @Override
    public List<FinishedRun> recentRuns(int limit) {
        return jobs.recentRuns(PageRequest.of(0, limit)).stream()
                .map(PlannedJobStore::finished)
                .toList();
    }

    static PlannedJob planned(TranscriptionJob j) {
        PlannedJob.State state =
                switch (j.status) {
                    case RUNNING -> PlannedJob.State.RUNNING;
                    case QUEUED -> PlannedJob.State.QUEUED;
                    default -> PlannedJob.State.WAITING;
                };
        return new PlannedJob(
                request(j),
                state,
                j.version,
                j.runAt,
                j.startedAt,
                j.schedulingReason,
                j.expectedIntensity,
                j.runPieces.stream().map(StoredPiece::piece).toList());
    }

    /** What was asked at submission: the audio bound from the upload size, as the first plan saw it. */
    static SchedulingRequest request(TranscriptionJob j) {
        return new SchedulingRequest(
                j.id,
                j.createdAt,
                j.deadline,
                j.notBefore,
                Duration.ofMillis(Math.round(JobService.durationUpperBound(j.audioBytes) * 1000)),
                j.interruptible);
    }

    static FinishedRun finished(TranscriptionJob j) {
        return new FinishedRun(
                j.id,
                j.status == JobStatus.SUCCEEDED,
                j.attempts,
                j.audioSeconds == null ? null : Duration.ofMillis(Math.round(j.audioSeconds * 1000)),
                j.startedAt,
                j.finishedAt);
    }
}

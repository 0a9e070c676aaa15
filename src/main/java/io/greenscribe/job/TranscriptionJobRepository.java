package io.greenscribe.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TranscriptionJobRepository extends JpaRepository<TranscriptionJob, UUID> {

    Optional<TranscriptionJob> findByIdAndTenantId(UUID id, UUID tenantId);

    Optional<TranscriptionJob> findByTenantIdAndIdempotencyKey(UUID tenantId, String idempotencyKey);

    @Query("""
            select j from TranscriptionJob j
            where j.tenantId = :tenant
              and (:status is null or j.status = :status)
              and (:batch is null or j.batchId = :batch)
              and (cast(:from as timestamp) is null or j.createdAt >= :from)
              and (cast(:to as timestamp) is null or j.createdAt < :to)
            order by j.createdAt desc, j.id""")
    Page<TranscriptionJob> search(
            @Param("tenant") UUID tenant,
            @Param("status") JobStatus status,
            @Param("batch") UUID batch,
            @Param("from") Instant from,
            @Param("to") Instant to,
            Pageable page);

    /**
     * Claims of a job that say it may be killing its workers: those since its last committed window
     * (and since a person last retried it), less the ones that ended in a graceful stop of the
     * worker (SIGTERM, a rolling deploy). A claim in which a window was committed made progress, so
     * an operator's kill -9 or a crash of the host between windows never uses up a long job's
     * attempts; a job whose worker dies before it commits anything does (the fault campaign's kill -9
     * phase failed a 7-window job after six short server lives in a row, each of which had committed
     * windows of it). Counted toward {@link JobRuns#MAX_ATTEMPTS}.
     */
    @Query(value = """
                    select count(*) filter (where transition = 'CLAIM')
                         - count(*) filter (where transition = 'HAND_BACK' and reason = 'shutdown')
                    from job_event
                    where job_id = :job
                      and at > coalesce((select max(recognized_at) from job_window where job_id = :job),
                                        '-infinity'::timestamptz)
                      and id > coalesce((select max(id) from job_event where job_id = :job and transition = 'RETRY'), 0)
                    """, nativeQuery = true)
    int claimsWithoutProgress(@Param("job") UUID job);

    long countByBatchIdAndStatus(UUID batchId, JobStatus status);

    long countByBatchId(UUID batchId);

    /** Jobs that hold or may hold a capacity booking: not yet ended, with a deadline. */
    List<TranscriptionJob> findByStatusInAndDeadlineIsNotNull(Collection<JobStatus> statuses);

    /** Which of {@code ids} are in one of {@code statuses}. */
    @Query("select j.id from TranscriptionJob j where j.id in :ids and j.status in :statuses")
    List<UUID> idsIn(Collection<UUID> ids, Collection<JobStatus> statuses);

    /** Succeeded jobs whose run tells the device's speed, newest first. */
    @Query("""
            select j from TranscriptionJob j
            where j.status = io.greenscribe.job.JobStatus.SUCCEEDED and j.attempts = 1 and j.audioSeconds > 0
              and j.startedAt is not null and j.finishedAt is not null
            order by j.finishedAt desc""")
    List<TranscriptionJob> recentRuns(Pageable page);
}

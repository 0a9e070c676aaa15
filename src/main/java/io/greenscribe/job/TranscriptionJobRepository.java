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
     * Claims of a job that ended in a graceful stop of its worker (SIGTERM, a rolling deploy): they
     * say nothing about the job, so they do not count toward {@link JobRuns#MAX_ATTEMPTS}.
     */
    @Query(
            value =
                    "select count(*) from job_event where job_id = :job and transition = 'HAND_BACK' and reason = 'shutdown'",
            nativeQuery = true)
    int gracefulStops(@Param("job") UUID job);

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

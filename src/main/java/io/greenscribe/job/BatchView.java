package io.greenscribe.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch's progress.
 *
 * @param id the batch
 * @param name the client's name for it, or {@code null}
 * @param createdAt when it was submitted
 * @param jobs number of jobs
 * @param byStatus job count per status
 * @param windowsDone recognized windows over all its jobs
 * @param windowsTotal planned windows over all its jobs (grows as jobs reach speech detection)
 * @param finished whether every job has finished
 * @param jobIds its jobs, oldest first
 */
public record BatchView(UUID id, String name, Instant createdAt, int jobs, Map<JobStatus, Long> byStatus,
        int windowsDone, int windowsTotal, boolean finished, List<UUID> jobIds) {}

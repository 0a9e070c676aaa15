package io.greenscribe.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A job that reached an end, as the planner's books need it.
 *
 * @param jobId the job
 * @param succeeded whether it succeeded (only then does its run time say anything about speed)
 * @param attempts how many times it was claimed
 * @param audio the decoded audio length, or {@code null}
 * @param startedAt when its run started (first claim), or {@code null}
 * @param finishedAt when it ended, or {@code null}
 */
public record FinishedRun(
        UUID jobId, boolean succeeded, int attempts, Duration audio, Instant startedAt, Instant finishedAt) {}

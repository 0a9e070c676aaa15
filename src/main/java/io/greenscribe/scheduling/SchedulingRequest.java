package io.greenscribe.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a job asks of the scheduler, as the job store knows it at submission.
 *
 * @param jobId the job
 * @param submittedAt when it arrived
 * @param deadline latest completion the client accepts, or {@code null}
 * @param notBefore earliest start the client accepts, or {@code null}
 * @param audio length of the audio, or an upper bound of it before it is decoded
 * @param interruptible the job may pause between windows and run in pieces
 */
public record SchedulingRequest(
        UUID jobId, Instant submittedAt, Instant deadline, Instant notBefore, Duration audio, boolean interruptible) {

    public SchedulingRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(audio, "audio");
    }

    /** The not-before time where it is later than the submission, else the submission. */
    public Instant earliestStart() {
        return notBefore != null && notBefore.isAfter(submittedAt) ? notBefore : submittedAt;
    }
}

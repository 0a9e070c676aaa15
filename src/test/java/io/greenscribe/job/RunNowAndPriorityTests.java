package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.system.ConflictException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunNowAndPriorityTests {

    private final Instant submitted = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void runNowQueuesAWaitingJobAtOnceAndSaysWhy() {
        // given a job planned into a greener window three hours away
        TranscriptionJob job = new TranscriptionJob(UUID.randomUUID(), UUID.randomUUID(), submitted);
        job.schedule(new JobScheduling.Decision(submitted.plusSeconds(3 * 3600), "greenest-window", "…", 120.0), submitted);
        assertThat(job.status).isEqualTo(JobStatus.WAITING_FOR_WINDOW);

        // when a person says run now
        Instant now = submitted.plusSeconds(60);
        job.runNow(now);

        // then
        assertThat(job.status).isEqualTo(JobStatus.QUEUED);
        assertThat(job.runAt).isEqualTo(now);
        assertThat(job.schedulingReason).isEqualTo("run-now-requested");
    }

    @Test
    void finishedJobsCanNeitherRunNowNorChangePriority() {
        TranscriptionJob job = new TranscriptionJob(UUID.randomUUID(), UUID.randomUUID(), submitted);
        job.schedule(new JobScheduling.Decision(submitted, "run-now", "…", null), submitted);
        job.cancel(submitted);

        assertThatThrownBy(() -> job.runNow(submitted)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> job.changePriority(5)).isInstanceOf(ConflictException.class);
    }

    @Test
    void priorityOfAQueuedJobChanges() {
        TranscriptionJob job = new TranscriptionJob(UUID.randomUUID(), UUID.randomUUID(), submitted);
        job.schedule(new JobScheduling.Decision(submitted, "run-now", "…", null), submitted);
        job.changePriority(50);
        assertThat(job.priority).isEqualTo(50);
        job.runNow(submitted); // already queued: nothing to do
        assertThat(job.status).isEqualTo(JobStatus.QUEUED);
    }
}

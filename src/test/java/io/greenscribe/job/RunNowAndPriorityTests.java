package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.scheduling.SchedulingDecision;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
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
        job.schedule(
                SchedulingDecision.withoutForecast(
                        job.id, submitted.plusSeconds(3 * 3600), Reason.GREENEST_WINDOW, "…", submitted),
                submitted);
        assertThat(job.status).isEqualTo(JobStatus.WAITING_FOR_WINDOW);

        // when a person says run now
        Instant now = submitted.plusSeconds(60);
        job.runNow(now);

        // then
        assertThat(job.status).isEqualTo(JobStatus.QUEUED);
        assertThat(job.runAt).isEqualTo(now);
        assertThat(job.schedulingReason).isEqualTo(Reason.RUN_NOW_REQUESTED);
    }

    @Test
    void finishedJobsCanNeitherRunNowNorChangePriority() {
        TranscriptionJob job = new TranscriptionJob(UUID.randomUUID(), UUID.randomUUID(), submitted);
        job.schedule(SchedulingDecision.withoutForecast(job.id, submitted, Reason.RUN_NOW, "…", submitted), submitted);
        job.cancel(submitted);

        assertThatThrownBy(() -> job.runNow(submitted)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> job.changePriority(5)).isInstanceOf(ConflictException.class);
    }

    @Test
    void priorityOfAQueuedJobChanges() {
        TranscriptionJob job = new TranscriptionJob(UUID.randomUUID(), UUID.randomUUID(), submitted);
        job.schedule(SchedulingDecision.withoutForecast(job.id, submitted, Reason.RUN_NOW, "…", submitted), submitted);
        job.changePriority(50);
        assertThat(job.priority).isEqualTo(50);
        job.runNow(submitted); // already queued: nothing to do
        assertThat(job.status).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void theSubmissionEstimateOverestimatesSpeechAudio() {
        // 1 MB of 64 kbit/s MP3 is 125 s; the bound says 500 s, so runs are planned early, not late
        assertThat(JobService.durationUpperBound(1_000_000)).isEqualTo(500.0);
    }
}

package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.CapacityLedger;
import io.greenscribe.carbon.CarbonPlanner;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.PlanRequest;
import io.greenscribe.carbon.PlannerPolicy;
import io.greenscribe.carbon.SchedulingDecision;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.carbon.ThroughputEstimator;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlannerFeedbackTests {

    static final String DEVICE = "default";

    final Instant t0 = Instant.parse("2026-11-24T18:00:00Z");
    final MutableClock clock = new MutableClock(t0);
    final StubFeed feed = new StubFeed(clock).serve(t0, Duration.ofHours(1), 300, 250, 200, 100, 100, 200, 300, 300);
    final ThroughputEstimator throughput = new ThroughputEstimator(1.0, 0.2);
    final CarbonPlanner planner = new CarbonPlanner(feed, clock, throughput,
            new CapacityLedger(Map.of(), 1, Duration.ofMinutes(1)), PlannerPolicy.defaults());
    final PlannerFeedback feedback = new PlannerFeedback(planner, throughput, DEVICE);

    @Test
    void aSucceededJobFreesItsBookingAndTeachesTheDeviceSpeed() {
        // given a planned job, booked on the only worker
        TranscriptionJob job = job();
        SchedulingDecision d = planner.plan(PlanRequest.withDeadline(job.id.toString(), GridZone.of("GB"), DEVICE,
                Duration.ofMinutes(10), t0, t0.plus(Duration.ofHours(8))));
        assertThat(planner.bookedAt(DEVICE, d.runAt())).isEqualTo(1);

        // when it succeeds after 20 minutes for 10 minutes of audio (half real time)
        job.status = JobStatus.SUCCEEDED;
        job.attempts = 1;
        job.audioSeconds = 600.0;
        job.startedAt = d.runAt();
        job.finishedAt = d.runAt().plus(Duration.ofMinutes(20));
        feedback.jobEnded(job);

        // then the worker is free again and runs are planned at the device's real speed
        assertThat(planner.bookedAt(DEVICE, d.runAt())).isZero();
        assertThat(throughput.speed(DEVICE)).isEqualTo(0.5);
        assertThat(throughput.estimateRunTime(DEVICE, Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aCancelledJobFreesItsBookingAndTeachesNothing() {
        TranscriptionJob job = job();
        SchedulingDecision d = planner.plan(PlanRequest.withDeadline(job.id.toString(), GridZone.of("GB"), DEVICE,
                Duration.ofMinutes(10), t0, t0.plus(Duration.ofHours(8))));

        job.status = JobStatus.CANCELLED;
        job.attempts = 1;
        job.audioSeconds = 600.0;
        job.startedAt = t0;
        job.finishedAt = t0.plus(Duration.ofHours(2)); // a cancelled run's time says nothing about speed
        feedback.jobEnded(job);

        assertThat(planner.bookedAt(DEVICE, d.runAt())).isZero();
        assertThat(throughput.speed(DEVICE)).isEqualTo(1.0);
    }

    @Test
    void aRunThatOutlivedADeadWorkerTeachesNothing() {
        TranscriptionJob job = succeeded(600, Duration.ofMinutes(40));
        job.attempts = 2; // its run time includes the lease the dead worker held

        feedback.jobEnded(job);

        assertThat(throughput.speed(DEVICE)).isEqualTo(1.0);
    }

    @Test
    void seedingFromPastRunsLiftsTheSpeedAboveTheConservativeDefault() {
        // given five earlier runs at 4x real time (the warm-up after which the default no longer caps)
        List<TranscriptionJob> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(succeeded(600, Duration.ofSeconds(150)));
        }

        feedback.seed(runs);

        assertThat(throughput.speed(DEVICE)).isEqualTo(4.0);
    }

    private TranscriptionJob job() {
        TranscriptionJob job = new TranscriptionJob(UUID.randomUUID(), UUID.randomUUID(), t0);
        job.status = JobStatus.RUNNING;
        return job;
    }

    private TranscriptionJob succeeded(double audioSeconds, Duration run) {
        TranscriptionJob job = job();
        job.status = JobStatus.SUCCEEDED;
        job.attempts = 1;
        job.audioSeconds = audioSeconds;
        job.startedAt = t0;
        job.finishedAt = t0.plus(run);
        return job;
    }
}

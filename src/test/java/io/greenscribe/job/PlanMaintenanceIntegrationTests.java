package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.pipeline.PipelineResult;
import io.greenscribe.scheduling.CapacityLedger;
import io.greenscribe.scheduling.CarbonPlanner;
import io.greenscribe.scheduling.PlanMaintenance;
import io.greenscribe.scheduling.PlanRequest;
import io.greenscribe.scheduling.PlannerPolicy;
import io.greenscribe.scheduling.SchedulingDecision;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import io.greenscribe.scheduling.SchedulingTestSupport;
import io.greenscribe.scheduling.ThroughputEstimator;
import io.greenscribe.testing.MutableClock;
import io.greenscribe.testing.TestDatabaseConfiguration;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The planner's books kept against the database: re-planning waiting jobs on a newer forecast,
 * leaving claimed ones alone, rebuilding the ledger after a restart, and freeing bookings when jobs
 * end. The periodic task is off; each test runs a cycle by hand.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "greenscribe.queue.enabled=false",
            "greenscribe.carbon.planner.replan-interval=0",
            "greenscribe.carbon.planner.default-capacity=1"
        })
@Import({TestDatabaseConfiguration.class, PlanMaintenanceIntegrationTests.Fakes.class})
class PlanMaintenanceIntegrationTests {

    static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");
    static final String DEVICE = SchedulingTestSupport.PLANNED_DEVICE;
    /** 1.2 MB: the submission bound says 600 s of audio, 10 min at the default speed, 11 min booked. */
    static final long AUDIO_BYTES = 1_200_000;

    static final Duration BOOKED = Duration.ofMinutes(11);

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(T0);
        }

        @Bean
        @Primary
        StubFeed testFeed(MutableClock clock) {
            return new StubFeed(clock);
        }
    }

    @Autowired
    PlanMaintenance maintenance;

    @Autowired
    CarbonPlanner planner;

    @Autowired
    ThroughputEstimator throughput;

    @Autowired
    JobService service;

    @Autowired
    JobRuns runs;

    @Autowired
    TranscriptionJobRepository repository;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    MutableClock clock;

    @Autowired
    StubFeed feed;

    UUID tenant;

    @BeforeEach
    void freshBooks() {
        clock.set(T0);
        troughAtHour(3);
        jdbc.sql("delete from transcription_job").update();
        maintenance.cycle(); // frees what earlier tests booked
        tenant = UUID.randomUUID();
        jdbc.sql("insert into tenant (id, name, created_at) values (?, ?, now())")
                .params(tenant, "t-" + tenant)
                .update();
    }

    @Test
    void aNewerForecastMovesAWaitingJobAndLeavesClaimedOnesAlone() {
        // given a job waiting for the 21:00 trough, one a worker holds and one about to be claimed
        UUID waiting = job("WAITING_FOR_WINDOW", T0.plus(Duration.ofHours(3)), 100.0);
        UUID running = job("RUNNING", T0, 300.0);
        UUID queued = job("QUEUED", T0, 300.0);
        String runningBefore = row(running);
        String queuedBefore = row(queued);

        // when half an hour later a newer forecast puts the trough at 23:00 and the cycle runs
        clock.advance(Duration.ofMinutes(30));
        troughAtHour(5);
        PlanMaintenance.Cycle cycle = maintenance.cycle();

        // then the waiting job moves into the new trough, with the new reason, intensity and version
        assertThat(cycle.moved()).isEqualTo(1);
        TranscriptionJob moved = repository.findById(waiting).orElseThrow();
        assertThat(moved.status).isEqualTo(JobStatus.WAITING_FOR_WINDOW);
        assertThat(moved.runAt)
                .isBetween(
                        T0.plus(Duration.ofHours(5)),
                        T0.plus(Duration.ofHours(6)).minus(BOOKED));
        assertThat(moved.schedulingReason).isEqualTo(Reason.GREENEST_WINDOW);
        assertThat(moved.expectedIntensity).isEqualTo(50.0);
        assertThat(moved.version).isEqualTo(1);
        assertThat(planner.bookedAt(DEVICE, moved.runAt)).isEqualTo(1);
        assertThat(planner.bookedAt(DEVICE, T0.plus(Duration.ofHours(3)))).isZero();

        // and the claimed and queued jobs are untouched
        assertThat(row(running)).isEqualTo(runningBefore);
        assertThat(row(queued)).isEqualTo(queuedBefore);
    }

    @Test
    void aJobClaimedBetweenTheReadAndTheWriteKeepsItsRowAndLosesTheNewBooking() {
        // given a waiting job, and a worker that claims it just as the re-plan is about to write
        UUID waiting = job("WAITING_FOR_WINDOW", T0.plus(Duration.ofHours(3)), 100.0);
        TransactionTemplate claimFirst = new TransactionTemplate(tx.getTransactionManager()) {
            @Override
            public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                jdbc.sql("""
                        update transcription_job set status = 'RUNNING', worker_id = 'w9', started_at = ?,
                            version = version + 1
                        where id = ?""").params(Timestamp.from(clock.instant()), waiting).update();
                return super.execute(action);
            }
        };
        CarbonPlanner planner = freshPlanner();
        PlanMaintenance racing = SchedulingTestSupport.maintenance(
                new PlannedJobStore(repository, claimFirst), planner, jdbcTemplate, clock);

        // when a newer forecast would move it
        clock.advance(Duration.ofMinutes(30));
        troughAtHour(5);
        PlanMaintenance.Cycle cycle = racing.cycle();

        // then the worker's row stands, and the job is booked as it now runs, not where the re-plan put it
        assertThat(cycle.moved()).isZero();
        TranscriptionJob row = repository.findById(waiting).orElseThrow();
        assertThat(row.status).isEqualTo(JobStatus.RUNNING);
        assertThat(row.runAt).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(row.workerId).isEqualTo("w9");
        for (Instant at = T0.plus(Duration.ofHours(5));
                at.isBefore(T0.plus(Duration.ofHours(6)));
                at = at.plusSeconds(60)) {
            assertThat(planner.bookedAt(DEVICE, at)).as("booked at %s", at).isZero();
        }
        assertThat(planner.bookedAt(DEVICE, clock.instant())).isEqualTo(1);
    }

    @Test
    void whileAnotherInstanceReplansThisOneOnlyRebuildsItsLedger() throws Exception {
        // given a waiting job, a newer forecast, and another instance holding the re-plan lock
        Instant trough = T0.plus(Duration.ofHours(3));
        UUID waiting = job("WAITING_FOR_WINDOW", trough, 100.0);
        String before = row(waiting);
        clock.advance(Duration.ofMinutes(30));
        troughAtHour(5);
        try (java.sql.Connection other = jdbcTemplate.getDataSource().getConnection();
                java.sql.Statement st = other.createStatement()) {
            st.execute("select pg_advisory_lock(" + SchedulingTestSupport.REPLAN_LOCK_KEY + ")");

            // when this instance's cycle runs
            PlanMaintenance.Cycle skipped = maintenance.cycle();

            // then it books the job where its row says but leaves re-planning to the lock holder
            assertThat(skipped.booked()).isEqualTo(1);
            assertThat(skipped.replanned()).isZero();
            assertThat(row(waiting)).isEqualTo(before);
            assertThat(planner.bookedAt(DEVICE, trough)).isEqualTo(1);
            st.execute("select pg_advisory_unlock(" + SchedulingTestSupport.REPLAN_LOCK_KEY + ")");
        }

        // and once the lock is free again, its next cycle re-plans
        assertThat(maintenance.cycle().moved()).isEqualTo(1);
    }

    @Test
    void anUnchangedDecisionIsNotWrittenAgain() {
        UUID waiting = job("WAITING_FOR_WINDOW", T0.plus(Duration.ofHours(3)), 100.0);
        maintenance.cycle(); // settles the row on this forecast (its reason and detail from the planner)
        String settled = row(waiting);

        clock.advance(Duration.ofMinutes(15));
        troughAtHour(3);
        PlanMaintenance.Cycle cycle = maintenance.cycle();

        assertThat(cycle.replanned()).isEqualTo(1);
        assertThat(cycle.moved()).isZero();
        assertThat(row(waiting)).isEqualTo(settled);
    }

    @Test
    void afterARestartTheLedgerIsRebuiltSoTheFirstPlanRespectsCapacity() {
        // given a job waiting for the only worker in the 21:00 trough, planned before the restart
        Instant trough = T0.plus(Duration.ofHours(3));
        job("WAITING_FOR_WINDOW", trough, 100.0);
        PlanRequest next = PlanRequest.withDeadline(
                UUID.randomUUID(),
                GridZone.of("GB"),
                DEVICE,
                Duration.ofMinutes(10),
                T0,
                T0.plus(Duration.ofHours(12)));

        // when an instance starts with an empty ledger and rebuilds it from the database
        CarbonPlanner restarted = freshPlanner();
        maintenanceFor(restarted).start();

        // then the waiting job is booked, and the next job does not plan onto the same worker at once
        assertThat(restarted.bookedAt(DEVICE, trough)).isEqualTo(1);
        SchedulingDecision d = restarted.plan(next);
        assertThat(d.runAt()).isAfterOrEqualTo(trough.plus(BOOKED));

        // while without the rebuild it would have
        assertThat(freshPlanner().plan(next).runAt()).isEqualTo(trough);
    }

    @Test
    void withTheFeedDownAtRestartJobsAreStillBookedWhereTheyStand() {
        // given a waiting job and one a worker is running
        Instant trough = T0.plus(Duration.ofHours(3));
        job("WAITING_FOR_WINDOW", trough, 100.0);
        job("RUNNING", T0, 300.0);

        // when an instance restarts while the feed is down (nothing can be re-planned)
        feed.fail(new io.greenscribe.carbon.CarbonFeedException(
                io.greenscribe.carbon.CarbonFeedException.Kind.UNAVAILABLE, "stub", "down"));
        CarbonPlanner restarted = freshPlanner();
        maintenanceFor(restarted).start();

        // then both are booked from their rows: the waiting one at its run_at, the running one from its start
        assertThat(restarted.bookedAt(DEVICE, trough)).isEqualTo(1);
        assertThat(restarted.bookedAt(DEVICE, T0)).isEqualTo(1);
        assertThat(restarted.bookedAt(DEVICE, T0.plus(BOOKED))).isZero();
    }

    @Test
    void aJobThatEndedOnAnotherInstanceIsReleasedOnTheNextCycle() {
        Instant trough = T0.plus(Duration.ofHours(3));
        UUID waiting = job("WAITING_FOR_WINDOW", trough, 100.0);
        maintenance.cycle();
        assertThat(planner.bookedAt(DEVICE, trough)).isEqualTo(1);

        jdbc.sql("update transcription_job set status = 'CANCELLED', version = version + 1 where id = ?")
                .param(waiting)
                .update();
        maintenance.cycle();

        assertThat(planner.bookedAt(DEVICE, trough)).isZero();
    }

    @Test
    void aFinishedJobFreesItsBookingAndTeachesTheEstimator() {
        // given a job a worker has run for 20 minutes, booked in the ledger
        clock.advance(Duration.ofMinutes(20));
        UUID running = job("RUNNING", T0, 300.0);
        maintenance.cycle();
        assertThat(planner.bookedAt(DEVICE, T0)).isEqualTo(1);
        double speedBefore = throughput.speed(DEVICE);

        // when it finishes with 10 minutes of audio: half real time
        runs.finish(
                running,
                "w1",
                new PipelineResult(true, false, null, 600, 500, 3, "en", "whisper-tiny.en", "cpu"),
                JobCarbon.unmetered("not metered in this test"));

        // then its worker is free and the estimator has slowed down to what it saw
        assertThat(planner.bookedAt(DEVICE, T0)).isZero();
        assertThat(speedBefore).isEqualTo(1.0);
        assertThat(throughput.speed(DEVICE)).isEqualTo(0.5);
    }

    @Test
    void aCancelledJobFreesItsBooking() {
        Instant trough = T0.plus(Duration.ofHours(3));
        UUID waiting = job("WAITING_FOR_WINDOW", trough, 100.0);
        maintenance.cycle();
        assertThat(planner.bookedAt(DEVICE, trough)).isEqualTo(1);

        service.cancel(tenant, waiting, false);

        assertThat(planner.bookedAt(DEVICE, trough)).isZero();
    }

    @Test
    void aJobGivenUpAfterTooManyClaimsFreesItsBooking() {
        UUID running = job("RUNNING", T0, 300.0);
        // claimed more often than the limit without committing a window (the queue logs each claim)
        for (int i = 1; i <= JobRuns.MAX_ATTEMPTS + 1; i++) {
            jdbc.sql("""
                            insert into job_event (job_id, at, transition, from_status, to_status, attempt, worker_id, reason)
                            values (?, ?, 'CLAIM', 'QUEUED', 'RUNNING', ?, 'w1', 'claimed')""").params(running, Timestamp.from(T0), i).update();
        }
        jdbc.sql("update transcription_job set attempts = ? where id = ?")
                .params(JobRuns.MAX_ATTEMPTS + 1, running)
                .update();
        maintenance.cycle();
        assertThat(planner.bookedAt(DEVICE, T0)).isEqualTo(1);

        assertThat(runs.claimed(running, "w1")).isEmpty();

        assertThat(repository.findById(running).orElseThrow().status).isEqualTo(JobStatus.FAILED);
        assertThat(planner.bookedAt(DEVICE, T0)).isZero();
    }

    @Test
    void theMigrationTurnsLoweredReasonsIntoEnumNames() throws Exception {
        // given rows written before V7: reasons lowered, and the ones that were only ever strings
        UUID[] ids = new UUID[6];
        String[] old = {"run-now", "not-before", "planner-error", "greenest-window", "run-now-requested", "made-up"};
        for (int i = 0; i < ids.length; i++) {
            ids[i] = job("QUEUED", T0, null);
            jdbc.sql("update transcription_job set scheduling_reason = ? where id = ?")
                    .params(old[i], ids[i])
                    .update();
        }

        // when V7 runs over them
        jdbcTemplate.execute(new String(
                getClass()
                        .getResourceAsStream("/db/migration/V7__scheduling_reason_enum.sql")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));

        // then each holds its enum name and loads as it; an unknown one is cleared rather than failing the load
        Reason[] expected = {
            Reason.RUN_NOW,
            Reason.NOT_BEFORE,
            Reason.PLANNER_ERROR,
            Reason.GREENEST_WINDOW,
            Reason.RUN_NOW_REQUESTED,
            null
        };
        for (int i = 0; i < ids.length; i++) {
            assertThat(repository.findById(ids[i]).orElseThrow().schedulingReason)
                    .as(old[i])
                    .isEqualTo(expected[i]);
        }
    }

    /** 300 g/kWh all day but for one hour at 100 (from {@code hour}: 50) after 18:00; fetched now. */
    private void troughAtHour(int hour) {
        double[] values = new double[24];
        java.util.Arrays.fill(values, 300);
        values[hour] = hour == 3 ? 100 : 50;
        feed.serve(T0, Duration.ofHours(1), values);
    }

    /** What a restarted instance runs: its own planner, the shared database, no periodic task. */
    private PlanMaintenance maintenanceFor(CarbonPlanner planner) {
        return SchedulingTestSupport.maintenance(new PlannedJobStore(repository, tx), planner, jdbcTemplate, clock);
    }

    private CarbonPlanner freshPlanner() {
        return new CarbonPlanner(
                feed,
                clock,
                new ThroughputEstimator(1.0, 0.2),
                new CapacityLedger(Map.of(), 1, Duration.ofMinutes(1)),
                PlannerPolicy.defaults());
    }

    private UUID job(String status, Instant runAt, Double expectedIntensity) {
        UUID id = UUID.randomUUID();
        boolean running = status.equals("RUNNING");
        jdbc.sql("""
                        insert into transcription_job (id, tenant_id, status, audio_path, audio_name, audio_bytes,
                            audio_owned, model, itn, formats, deadline, run_at, scheduling_reason, expected_intensity,
                            worker_id, started_at, attempts, created_at)
                        values (?, ?, ?, '/dev/null', 'x.wav', ?, false, 'whisper-tiny.en', true, 'json', ?, ?,
                            'GREENEST_WINDOW', ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        tenant,
                        status,
                        AUDIO_BYTES,
                        Timestamp.from(T0.plus(Duration.ofHours(12))),
                        Timestamp.from(runAt),
                        expectedIntensity,
                        running ? "w1" : null,
                        running ? Timestamp.from(runAt) : null,
                        running ? 1 : 0,
                        Timestamp.from(T0))
                .update();
        return id;
    }

    private String row(UUID id) {
        return jdbc.sql("""
                        select status || '|' || run_at || '|' || coalesce(scheduling_reason, '') || '|'
                            || coalesce(scheduling_detail, '') || '|' || coalesce(expected_intensity::text, '') || '|' || version
                        from transcription_job where id = ?""").param(id).query(String.class).single();
    }
}

package io.greenscribe.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.job.JobRuns;
import io.greenscribe.testing.MutableClock;
import io.greenscribe.testing.SettableClockConfiguration;
import io.greenscribe.testing.TestDatabaseConfiguration;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "greenscribe.queue.enabled=false")
@Import({TestDatabaseConfiguration.class, SettableClockConfiguration.class})
class JobQueueIntegrationTests {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Autowired
    JobQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRuns runs;

    @Autowired
    Clock clock;

    @Autowired
    MutableClock time;

    UUID tenant;

    @BeforeEach
    void cleanQueue() {
        jdbc.sql("delete from transcription_job").update();
        tenant = UUID.randomUUID();
        jdbc.sql("insert into tenant (id, name, created_at) values (?, ?, now())")
                .params(tenant, "t-" + tenant)
                .update();
    }

    @Test
    void claimTakesHighestPriorityFirstThenOldest() {
        // given three runnable jobs
        UUID old = job("QUEUED", 0, clock.instant().minusSeconds(30));
        UUID urgent = job("QUEUED", 5, clock.instant());
        UUID young = job("QUEUED", 0, clock.instant().minusSeconds(10));

        // when a worker claims two, then a second claim gets the rest
        assertThat(queue.claim("w1", 2, LEASE)).containsExactlyInAnyOrder(urgent, old);
        assertThat(queue.claim("w2", 5, LEASE)).containsExactly(young);
        assertThat(queue.claim("w3", 5, LEASE)).isEmpty();

        // then the claimed row records the worker, its lease and an attempt
        assertThat(jdbc.sql("select worker_id, status, attempts from transcription_job where id = ?")
                        .param(urgent)
                        .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3))
                        .single())
                .isEqualTo("w1/RUNNING/1");
    }

    @Test
    void amongEqualPrioritiesTheEarliestDeadlineIsClaimedFirstAndJobsWithoutOneLast() {
        // given three due jobs of one priority: the oldest has no deadline, the youngest the nearest one
        Instant now = clock.instant();
        UUID none = job("QUEUED", 0, now.minusSeconds(30));
        UUID far = job("QUEUED", 0, now.minusSeconds(20));
        UUID near = job("QUEUED", 0, now.minusSeconds(10));
        jdbc.sql("update transcription_job set deadline = ? where id = ?")
                .params(Timestamp.from(now.plusSeconds(7200)), far)
                .update();
        jdbc.sql("update transcription_job set deadline = ? where id = ?")
                .params(Timestamp.from(now.plusSeconds(3600)), near)
                .update();

        // then claims take them nearest deadline first
        assertThat(queue.claim("w1", 1, LEASE)).containsExactly(near);
        assertThat(queue.claim("w1", 1, LEASE)).containsExactly(far);
        assertThat(queue.claim("w1", 1, LEASE)).containsExactly(none);
    }

    @Test
    void jobsWhoseRunAtLiesAheadAreNotClaimedAndWaitingOnesArePromotedWhenDue() {
        // given a queued job for later and a job waiting for a greener window
        UUID later = job("QUEUED", 0, clock.instant().plusSeconds(600));
        UUID waiting = job("WAITING_FOR_WINDOW", 0, clock.instant().plusSeconds(300));
        assertThat(queue.promoteDue()).isZero();
        assertThat(queue.claim("w1", 10, LEASE)).isEmpty();

        // when time passes both run times
        time.advance(Duration.ofMinutes(11));

        // then the waiting job is promoted and both are claimed
        assertThat(queue.promoteDue()).isEqualTo(1);
        assertThat(queue.claim("w1", 10, LEASE)).containsExactlyInAnyOrder(later, waiting);
    }

    @Test
    void concurrentClaimersNeverShareAJob() throws Exception {
        // given 200 runnable jobs
        Set<UUID> all = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            all.add(job("QUEUED", i % 3, clock.instant()));
        }

        // when eight workers claim small batches at the same time until the queue is empty
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<List<UUID>>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String worker = "w" + w;
            workers.add(() -> {
                List<UUID> mine = new ArrayList<>();
                List<UUID> got;
                while (!(got = queue.claim(worker, 3, LEASE)).isEmpty()) {
                    mine.addAll(got);
                }
                return mine;
            });
        }
        List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<UUID>> f : pool.invokeAll(workers)) {
            claimed.addAll(f.get());
        }
        pool.shutdown();

        // then every job was claimed exactly once
        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claimed)).isEqualTo(all);
        assertThat(jdbc.sql("select count(*) from transcription_job where attempts <> 1")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void heartbeatsKeepTheLeaseAndTheReaperRequeuesJobsOfDeadWorkers() {
        // given two jobs claimed by two workers
        UUID a = job("QUEUED", 0, clock.instant());
        UUID b = job("QUEUED", 0, clock.instant());
        UUID ofAlive = queue.claim("alive", 1, LEASE).get(0);
        UUID ofDead = queue.claim("dead", 1, LEASE).get(0);
        assertThat(Set.of(ofAlive, ofDead)).containsExactlyInAnyOrder(a, b);

        // when only one worker keeps sending heartbeats while time passes the lease
        time.advance(Duration.ofSeconds(40));
        assertThat(queue.heartbeat("alive", List.of(ofAlive), LEASE)).isEmpty();
        time.advance(Duration.ofSeconds(40));

        // then the reaper re-queues only the dead worker's job
        assertThat(queue.reapExpired()).containsExactly(ofDead);
        assertThat(status(ofDead)).isEqualTo("QUEUED");
        assertThat(status(ofAlive)).isEqualTo("RUNNING");

        // and the dead worker, if it comes back, learns it lost the job
        assertThat(queue.heartbeat("dead", List.of(ofDead), LEASE)).containsExactly(ofDead);

        // and the job is claimed again, counting a second attempt
        assertThat(queue.claim("alive", 5, LEASE)).containsExactly(ofDead);
        assertThat(jdbc.sql("select attempts from transcription_job where id = ?")
                        .param(ofDead)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // and the job's event log has each move, with the worker, the attempt and the reason
        assertThat(events(ofDead))
                .containsExactly(
                        "CLAIM QUEUED>RUNNING #1 dead claimed",
                        "HAND_BACK RUNNING>QUEUED #1 dead lease-expired",
                        "CLAIM QUEUED>RUNNING #2 alive claimed");
    }

    @Test
    void everyQueueMoveIsLoggedInItsOwnStatement() {
        UUID waiting = job("WAITING_FOR_WINDOW", 0, clock.instant());
        assertThat(queue.promoteDue()).isEqualTo(1);
        queue.claim("w", 1, LEASE);
        assertThat(queue.requeue(waiting, "w")).isTrue();
        assertThat(queue.requeue(waiting, "w")).isFalse(); // no longer running: nothing moves, nothing is logged
        assertThat(events(waiting))
                .containsExactly(
                        "PROMOTE WAITING_FOR_WINDOW>QUEUED #0 null planned-start-reached",
                        "CLAIM QUEUED>RUNNING #1 w claimed",
                        "HAND_BACK RUNNING>QUEUED #1 w transient-failure");
    }

    private List<String> events(UUID job) {
        return jdbc.sql("""
                        select transition || ' ' || from_status || '>' || to_status || ' #' || attempt || ' '
                            || coalesce(worker_id, 'null') || ' ' || reason
                        from job_event where job_id = ? order by id""").param(job).query(String.class).list();
    }

    @Test
    void aGracefulStopHandsRunningJobsBack() {
        UUID a = job("QUEUED", 0, clock.instant());
        queue.claim("leaving", 1, LEASE);
        assertThat(queue.release("leaving")).containsExactly(a);
        assertThat(status(a)).isEqualTo("QUEUED");
        assertThat(events(a)).last().isEqualTo("HAND_BACK RUNNING>QUEUED #1 leaving shutdown");
        assertThat(queue.depth()).isEqualTo(1);
    }

    @Test
    void aRunningJobOutsideItsPlannedPiecesPausesUntilTheNextOneAndIsPromotedThen() {
        // given a job planned in two pieces, 10:00-10:30 and 11:00-11:30, running in the first
        Instant t = clock.instant();
        UUID j = job("QUEUED", 0, t);
        piece(j, t, t.plus(Duration.ofMinutes(30)));
        piece(j, t.plus(Duration.ofMinutes(60)), t.plus(Duration.ofMinutes(90)));
        UUID plain = job("QUEUED", 0, t); // one run: never paused
        queue.claim("w", 2, LEASE);
        assertThat(queue.pausesDue("w", List.of(j, plain))).isEmpty();

        // when its first piece has ended
        time.advance(Duration.ofMinutes(31));

        // then it is due to pause until the second piece, and only for the worker that holds it
        assertThat(queue.pausesDue("w", List.of(j, plain)))
                .containsExactly(new JobQueue.DuePause(j, t.plus(Duration.ofMinutes(60))));
        assertThat(queue.pausesDue("other", List.of(j))).isEmpty();
        assertThat(queue.pause(j, "other", t.plus(Duration.ofMinutes(60)))).isFalse();
        assertThat(queue.pause(j, "w", t.plus(Duration.ofMinutes(60)))).isTrue();
        assertThat(status(j)).isEqualTo("WAITING_FOR_WINDOW");
        assertThat(events(j)).last().isEqualTo("PAUSE RUNNING>WAITING_FOR_WINDOW #1 w paused-until-next-piece");
        assertThat(queue.promoteDue()).isZero();

        // and at the second piece's start any worker may take it again
        time.advance(Duration.ofMinutes(29));
        assertThat(queue.promoteDue()).isEqualTo(1);
        assertThat(queue.claim("w2", 1, LEASE)).containsExactly(j);
        assertThat(queue.pausesDue("w2", List.of(j))).isEmpty();

        // and past its last piece (an overrun) it runs on
        time.advance(Duration.ofMinutes(40));
        assertThat(queue.pausesDue("w2", List.of(j))).isEmpty();
    }

    private void piece(UUID job, Instant from, Instant to) {
        jdbc.sql("insert into job_run_piece (job_id, starts_at, ends_at) values (?, ?, ?)")
                .params(job, Timestamp.from(from), Timestamp.from(to))
                .update();
    }

    @Test
    void gracefulStopsDoNotUseUpAJobsAttemptsButDeadWorkersDo() {
        // given a long job whose worker is stopped gracefully more often than the attempts limit
        // (deploys in a row), once by a hand-back at a window boundary and otherwise after the grace
        UUID deployed = job("QUEUED", 0, clock.instant());
        queue.claim("w0", 1, LEASE);
        assertThat(queue.requeueStopped(deployed, "w0")).isTrue();
        for (int i = 1; i <= JobRuns.MAX_ATTEMPTS; i++) {
            queue.claim("w" + i, 1, LEASE);
            queue.release("w" + i);
        }
        assertThat(events(deployed)).filteredOn(e -> e.startsWith("HAND_BACK")).allMatch(e -> e.endsWith("shutdown"));

        // then the next worker still runs it
        assertThat(queue.claim("next", 1, LEASE)).containsExactly(deployed);
        assertThat(runs.claimed(deployed, "next")).isPresent();

        // but a job whose worker dies every time is given up after the limit
        UUID poison = job("QUEUED", 0, clock.instant());
        for (int i = 0; i < JobRuns.MAX_ATTEMPTS; i++) {
            queue.claim("dies" + i, 1, LEASE);
            time.advance(LEASE.plusSeconds(1));
            queue.heartbeat("next", List.of(deployed), LEASE); // the other job's worker is alive
            queue.reapExpired();
        }
        assertThat(queue.claim("last", 1, LEASE)).containsExactly(poison);
        assertThat(runs.claimed(poison, "last")).isEmpty();
        assertThat(status(poison)).isEqualTo("FAILED");
    }

    @Test
    void claimsThatCommitAWindowDoNotUseUpAJobsAttempts() {
        // given a long job whose worker is killed more often than the attempts limit, but each
        // server life commits one more of its windows (kill -9 at random moments of a campaign)
        UUID progressing = job("QUEUED", 0, clock.instant());
        for (int i = 0; i <= JobRuns.MAX_ATTEMPTS + 1; i++) {
            assertThat(queue.claim("life" + i, 1, LEASE)).containsExactly(progressing);
            assertThat(runs.claimed(progressing, "life" + i)).isPresent();
            time.advance(Duration.ofSeconds(5));
            committedWindow(progressing, i);
            time.advance(LEASE.plusSeconds(1));
            queue.reapExpired();
        }

        // then the next worker still runs it
        assertThat(queue.claim("next", 1, LEASE)).containsExactly(progressing);
        assertThat(runs.claimed(progressing, "next")).isPresent();
        time.advance(LEASE.plusSeconds(1));
        queue.reapExpired();

        // and once its workers die without committing anything, the limit counts from the last window
        for (int i = 1; i < JobRuns.MAX_ATTEMPTS; i++) {
            queue.claim("dies" + i, 1, LEASE);
            time.advance(LEASE.plusSeconds(1));
            queue.reapExpired();
        }
        assertThat(queue.claim("last", 1, LEASE)).containsExactly(progressing);
        assertThat(runs.claimed(progressing, "last")).isEmpty();
        assertThat(status(progressing)).isEqualTo("FAILED");
    }

    private void committedWindow(UUID job, int idx) {
        jdbc.sql("""
                        insert into job_window (job_id, idx, start_sample, end_sample, status, attempts, recognized_at)
                        values (?, ?, 0, 16000, 'DONE', 1, ?)""").params(job, idx, Timestamp.from(clock.instant())).update();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from transcription_job where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private UUID job(String status, int priority, Instant runAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into transcription_job (id, tenant_id, status, priority, audio_path, audio_name, audio_bytes,
                            audio_owned, model, itn, formats, run_at, created_at)
                        values (?, ?, ?, ?, '/dev/null', 'x.wav', 1, false, 'whisper-tiny.en', true, 'json', ?, ?)""")
                .params(id, tenant, status, priority, Timestamp.from(runAt), Timestamp.from(runAt))
                .update();
        return id;
    }
}

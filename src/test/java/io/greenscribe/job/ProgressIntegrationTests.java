package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.greenscribe.testing.ConsoleSession;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.MutableClock;
import io.greenscribe.testing.SettableClockConfiguration;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A running job's progress as the API and the page show it, on a real PostgreSQL: the run's state
 * is written as the pipeline writes it (stage, audio length, device, windows with their state), and
 * the speed is learned from finished jobs in the same table. No worker runs here (the queue is
 * off), so the instants are exact.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "greenscribe.queue.enabled=false",
            "greenscribe.admin.password=" + ProgressIntegrationTests.PASSWORD
        })
@Import({TestDatabaseConfiguration.class, SettableClockConfiguration.class})
class ProgressIntegrationTests {

    static final String PASSWORD = "progress-console-password";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LearnedSpeeds speeds;

    @Test
    void aRunningJobShowsItsStageWindowsInFlightAudioAndAnEtaFromTheLearnedSpeed() {
        Http api = new Http("http://localhost:" + port, "gs_test_admin_key");
        JsonNode submitted = api.postMultipart(
                        "/api/v1/jobs",
                        Map.of("file", SharedData.manifest("en-short").get(0).file()),
                        Map.of())
                .json();
        UUID id = UUID.fromString(submitted.path("id").asText());
        assertThat(submitted.path("progress").path("stage").isNull()).isTrue();
        assertThat(submitted.path("progress").path("eta").isNull()).isTrue();

        // given three earlier runs on this device and model: 100 s of audio in 40 s each (2.5x)
        UUID tenant = jdbc.sql("select tenant_id from transcription_job where id = ?")
                .param(id)
                .query(UUID.class)
                .single();
        Instant now = clock.instant();
        for (int i = 0; i < 3; i++) {
            finishedRun(tenant, now.minusSeconds(3600 + i * 100L), 100, 40);
        }
        speeds.forget();

        // and the job running for 20 s: 174 s of audio decoded, 7 equal windows, 2 committed, 3 in flight
        Instant runStart = now.minusSeconds(20);
        jdbc.sql("update transcription_job set status = 'RUNNING', worker_id = 'w1', started_at = ?, "
                        + "lease_until = ? where id = ?")
                .params(Timestamp.from(runStart), Timestamp.from(now.plusSeconds(600)), id)
                .update();
        jdbc.sql("insert into job_progress (job_id, stage, stage_at, run_started_at, audio_seconds, device) "
                        + "values (?, 'WINDOWS', ?, ?, 174.0, 'cpu')")
                .params(id, Timestamp.from(now.minusSeconds(12)), Timestamp.from(runStart))
                .update();
        for (int w = 0; w < 7; w++) {
            jdbc.sql("insert into job_window (job_id, idx, start_sample, end_sample, status, started_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            w,
                            w * 25L * 16_000,
                            (w * 25L + 24) * 16_000,
                            w < 2 ? "DONE" : "PENDING",
                            w < 5 ? Timestamp.from(runStart.plusSeconds(8)) : null)
                    .update();
        }

        // when the job is read
        JsonNode job = api.get("/api/v1/jobs/" + id).json();

        // then its progress has the stage, the windows by state, the audio and the device
        JsonNode p = job.path("progress");
        assertThat(p.path("stage").asText()).isEqualTo("WINDOWS");
        assertThat(p.path("windowsDone").asInt()).isEqualTo(2);
        assertThat(p.path("windowsRunning").asInt()).isEqualTo(3);
        assertThat(p.path("windowsTotal").asInt()).isEqualTo(7);
        assertThat(p.path("audioSeconds").asDouble()).isEqualTo(174.0);
        assertThat(job.path("audio").path("durationSeconds").asDouble()).isEqualTo(174.0);
        assertThat(job.path("audio").path("speechSeconds").asDouble()).isCloseTo(7 * 24.0, within(0.01));
        assertThat(job.path("device").asText()).isEqualTo("cpu");
        assertThat(p.path("speed").asDouble()).isCloseTo(2.5, within(1e-9));
        assertThat(p.path("speedJobs").asInt()).isEqualTo(3);

        // and the ETA blends the plan (174 / 2.5 = 69.6 s after the start) with the run's pace
        // (2/7 done after 20 s: 70 s after the start), weighted by the share done
        double plan = 69.6;
        double pace = 20 + 20 * (5.0 / 7) / (2.0 / 7);
        double expected = plan * (5.0 / 7) + pace * (2.0 / 7);
        Instant eta = Instant.parse(p.path("eta").asText());
        assertThat(Duration.between(runStart, eta).toMillis() / 1000.0).isCloseTo(expected, within(0.01));

        // and the job page says what the run is doing, and when it should end
        ConsoleSession console = ConsoleSession.login("http://localhost:" + port, PASSWORD);
        String page = console.page("/admin/jobs/" + id, "en");
        assertThat(page)
                .contains("Recognizing windows", "3 window(s) being recognized together", "expected to finish about")
                .contains("learned from 3 job(s)")
                .contains("174.0 s");
        assertThat(console.page("/admin/jobs/" + id, "zh-CN"))
                .contains("正在识别窗口")
                .doesNotContain("??");

        // and the timeline is drawn from the planned windows with their state
        String timeline = console.page("/admin/jobs/" + id + "/timeline", "en");
        assertThat(timeline).contains("\"state\":\"DONE\"", "\"state\":\"RUNNING\"", "\"state\":\"PENDING\"");
        assertThat(timeline).contains("\"duration\":174.0");

        // when a third window commits, then the count moves at once (it is read from the window table)
        jdbc.sql("update job_window set status = 'DONE' where job_id = ? and idx = 2")
                .param(id)
                .update();
        await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> api.get("/api/v1/jobs/" + id).json().path("progress"),
                        q -> q.path("windowsDone").asInt() == 3);

        // and without any finished run on a device the default speed (1x) is assumed, and said so
        jdbc.sql("update job_progress set device = 'cuda:7' where job_id = ?")
                .param(id)
                .update();
        JsonNode fallback = api.get("/api/v1/jobs/" + id).json().path("progress");
        assertThat(fallback.path("speed").asDouble()).isEqualTo(1.0);
        assertThat(fallback.path("speedJobs").asInt()).isZero();
        jdbc.sql("update transcription_job set status = 'CANCELLED', finished_at = ? where id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    private void finishedRun(UUID tenant, Instant finished, double audioSeconds, long runSeconds) {
        jdbc.sql("""
                        insert into transcription_job (id, tenant_id, status, audio_path, audio_name, audio_bytes,
                            audio_owned, model, itn, formats, run_at, created_at, attempts, audio_seconds, device,
                            started_at, finished_at)
                        values (?, ?, 'SUCCEEDED', '/nowhere', 'earlier.wav', 1, false, 'whisper-tiny.en', true, 'json',
                            ?, ?, 1, ?, 'cpu', ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        tenant,
                        Timestamp.from(finished.minusSeconds(runSeconds)),
                        Timestamp.from(finished.minusSeconds(runSeconds)),
                        audioSeconds,
                        Timestamp.from(finished.minusSeconds(runSeconds)),
                        Timestamp.from(finished))
                .update();
    }
}

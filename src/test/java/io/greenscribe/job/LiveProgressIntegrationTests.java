package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A real run watched through the API as a client polls it: the audio's length and the planned
 * windows are known while it runs, windows in flight show while the recognizer works on them, and
 * an ETA is given. The clip is the 52-s long-form recording (override with
 * {@code -Dprogress.clip=long-form/audio/concat_dev_en.flac} for the 174-s job of issue 16).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"greenscribe.queue.poll-interval=100ms"})
@Import(TestDatabaseConfiguration.class)
class LiveProgressIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void modelIsThere() {
        Models.require("whisper-tiny.en");
    }

    record Seen(long atMs, String status, JsonNode progress, JsonNode audio) {}

    @Test
    void whileItRunsTheAudioTheWindowsInFlightAndAnEtaAreShown() {
        Http api = new Http("http://localhost:" + port, "gs_test_admin_key");
        String clip = System.getProperty("progress.clip", "long-form/audio/mfa_michaelandsickmichael_mono.flac");
        String id = api.postMultipart(
                        "/api/v1/jobs", Map.of("file", SharedData.speech(clip), "language", "en"), Map.of())
                .json()
                .path("id")
                .asText();

        // a client polling every 100 ms, bounded to 5 minutes
        List<Seen> seen = new ArrayList<>();
        long start = System.nanoTime();
        JsonNode job;
        do {
            job = api.get("/api/v1/jobs/" + id).json();
            seen.add(new Seen(
                    (System.nanoTime() - start) / 1_000_000,
                    job.path("status").asText(),
                    job.path("progress"),
                    job.path("audio")));
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED")
                    .contains(job.path("status").asText())) {
                break;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(100).toNanos());
        } while (System.nanoTime() - start < Duration.ofMinutes(5).toNanos());
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");

        List<Seen> running =
                seen.stream().filter(s -> s.status().equals("RUNNING")).toList();
        assertThat(running).as("polls while running").isNotEmpty();
        // the audio's length was known before the job ended, and equals the final one
        double audio = job.path("audio").path("durationSeconds").asDouble();
        assertThat(running)
                .anySatisfy(s ->
                        assertThat(s.audio().path("durationSeconds").asDouble()).isEqualTo(audio));
        // the windows were planned, recognized while in flight, and an ETA was given, before the end
        int total = job.path("progress").path("windowsTotal").asInt();
        assertThat(running).anySatisfy(s -> {
            assertThat(s.progress().path("stage").asText()).isEqualTo("WINDOWS");
            assertThat(s.progress().path("windowsTotal").asInt()).isEqualTo(total);
        });
        assertThat(running)
                .anySatisfy(s ->
                        assertThat(s.progress().path("windowsRunning").asInt()).isPositive());
        assertThat(running)
                .filteredOn(s -> s.audio().path("durationSeconds").isNumber())
                .allSatisfy(s -> assertThat(s.progress().path("eta").isNull()).isFalse());
        assertThat(job.path("progress").path("stage").asText()).isEqualTo("DONE");

        // what the window table says of the run: when each window was handed over and committed
        List<String> windows = jdbc.sql("""
                        select idx, extract(epoch from started_at) * 1000, extract(epoch from recognized_at) * 1000
                        from job_window where job_id = ? order by idx""")
                .param(UUID.fromString(id))
                .query((rs, n) -> "window " + rs.getInt(1) + " started " + Math.round(rs.getDouble(2)) + " committed "
                        + Math.round(rs.getDouble(3)))
                .list();
        System.out.println("live progress of " + clip + " (" + audio + " s, " + total + " windows), run "
                + job.path("timings").path("runSeconds").asDouble() + " s; polls: " + seen.size());
        windows.forEach(w -> System.out.println("  " + w));
        // each change of what a client sees, the ETA aside (it is recomputed on every read)
        String last = "";
        for (Seen s : running) {
            String shown =
                    s.progress().path("stage").asText() + " " + s.progress().path("windowsDone") + "/"
                            + s.progress().path("windowsTotal") + " in flight "
                            + s.progress().path("windowsRunning")
                            + " audio " + s.audio().path("durationSeconds");
            if (!shown.equals(last)) {
                System.out.println("  t=" + s.atMs() + " ms " + shown + " eta "
                        + s.progress().path("eta").asText());
                last = shown;
            }
        }
    }
}

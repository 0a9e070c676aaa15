package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscribe.testing.ConsoleSession;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.MutableClock;
import io.greenscribe.testing.SettableClockConfiguration;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Retention on a real PostgreSQL with the real model: a test clock moved past a job's time-to-live
 * and one purge pass delete what is due, and only that; the API and the job page say so.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "greenscribe.queue.poll-interval=100ms",
            "greenscribe.admin.password=" + RetentionIntegrationTests.PASSWORD,
            // the test runs the purge itself, at the instants it sets
            "greenscribe.retention.purge-interval=1h"
        })
@Import({TestDatabaseConfiguration.class, SettableClockConfiguration.class})
class RetentionIntegrationTests {

    static final String PASSWORD = "retention-console-password";
    static final String ADMIN_KEY = "gs_test_admin_key";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RetentionPurge purge;

    @Autowired
    JdbcClient jdbc;

    Http api;

    @BeforeAll
    static void modelIsThere() {
        Models.require("whisper-tiny.en");
    }

    @BeforeEach
    void client() {
        api = new Http("http://localhost:" + port, ADMIN_KEY);
    }

    @Test
    void pastTheAudioTtlTheAudioIsGoneTheTranscriptKeptAndThePageSaysSo() throws Exception {
        // given a job that succeeded with the server's default retention (audio 7 days, transcript kept)
        JsonNode job = finished(submit(Map.of()));
        String id = job.path("id").asText();
        Instant finished = Instant.parse(job.path("timings").path("finishedAt").asText());
        JsonNode retention = job.path("retention");
        assertThat(Duration.parse(retention.path("audioTtl").asText())).isEqualTo(Duration.ofDays(7));
        assertThat(retention.path("transcriptTtl").isNull()).isTrue();
        assertThat(Instant.parse(retention.path("audioExpiresAt").asText()))
                .isEqualTo(finished.plus(Duration.ofDays(7)));
        assertThat(retention.path("transcriptExpiresAt").isNull()).isTrue();
        assertThat(job.path("progress").path("stage").asText()).isEqualTo("DONE");
        assertThat(job.path("progress").path("eta").isNull()).isTrue();
        Path audio = uploaded(id);
        assertThat(audio).exists();
        // and the run's work file went with the run
        assertThat(Path.of("target/test-work", id + ".f32")).doesNotExist();

        // when the purge runs before the TTL, nothing of it is deleted
        purge.runOnce();
        assertThat(audio).exists();

        // when the clock passes the TTL and the purge runs
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        RetentionPurge.Purged purged = purge.runOnce();

        // then the audio file is gone, stamped with the purge's instant, and the transcript is kept
        assertThat(purged.audio()).isGreaterThanOrEqualTo(1);
        assertThat(audio).doesNotExist();
        JsonNode after = api.get("/api/v1/jobs/" + id).json();
        assertThat(Instant.parse(after.path("retention").path("audioDeletedAt").asText()))
                .isEqualTo(clock.instant());
        assertThat(after.path("retention").path("transcriptDeletedAt").isNull()).isTrue();
        Http.Response transcript = api.get("/api/v1/jobs/" + id + "/transcript?format=txt");
        assertThat(transcript.status()).isEqualTo(200);
        assertThat(transcript.body()).isNotBlank();

        // and the job page says when the audio was deleted, and that the transcript is kept
        String page = console("/admin/jobs/" + id, "en");
        assertThat(page)
                .contains("Audio deleted on")
                .contains("Kept until deleted")
                .contains("id=\"transcript\"");
        assertThat(console("/admin/jobs/" + id, "zh-CN")).contains("音频已于").doesNotContain("??");

        // and a retry is refused (the audio is gone); a second purge deletes nothing again
        Http.Response retry = api.postJson("/api/v1/jobs/" + id + "/retry", Map.of());
        assertThat(retry.status()).isIn(409);
        assertThat(purge.runOnce().audio()).isZero();
    }

    @Test
    void pastTheTranscriptTtlItsDownloadsAnswer410Gone() throws Exception {
        // given a job whose audio goes as it ends and whose transcript is kept an hour
        JsonNode job = finished(submit(Map.of("audioTtl", "PT0S", "transcriptTtl", "PT1H")));
        String id = job.path("id").asText();
        Instant finished = Instant.parse(job.path("timings").path("finishedAt").asText());
        assertThat(Instant.parse(
                        job.path("retention").path("transcriptExpiresAt").asText()))
                .isEqualTo(finished.plus(Duration.ofHours(1)));

        // when the purge runs at once, the audio goes and the transcript stays
        purge.runOnce();
        assertThat(uploaded(id)).doesNotExist();
        assertThat(api.get("/api/v1/jobs/" + id + "/transcript").status()).isEqualTo(200);

        // when the clock passes the hour and the purge runs
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(purge.runOnce().transcripts()).isGreaterThanOrEqualTo(1);

        // then every download answers 410 with a problem that says why
        for (String format : List.of("json", "txt", "srt")) {
            Http.Response gone = api.get("/api/v1/jobs/" + id + "/transcript?format=" + format);
            assertThat(gone.status()).as(format).isEqualTo(410);
            assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
            assertThat(gone.json().path("detail").asText()).contains(id, "deleted", "transcriptTtl");
        }
        // and its text is gone from the database, windows included, and from search
        assertThat(jdbc.sql("select count(*) from transcript where job_id = ?")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from job_window where job_id = ?")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isZero();
        // and the console shows the page, saying so, and its download answers 410 too
        assertThat(console("/admin/jobs/" + id, "en"))
                .contains("Transcript deleted on")
                .doesNotContain("id=\"transcript\"");
        assertThat(consoleStatus("/admin/jobs/" + id + "/transcript?format=txt"))
                .isEqualTo(410);
    }

    @Test
    void ttlsAreValidatedAndTheTenantDefaultIsSetByItsAdmin() {
        // a TTL that is not an ISO-8601 duration is refused by name
        Http.Response bad = submitResponse(Map.of("audioTtl", "7 days"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asText()).contains("audioTtl", "ISO-8601");
        assertThat(submitResponse(Map.of("transcriptTtl", "-PT1H")).status()).isEqualTo(400);

        // the admin sets the tenant's default; a job submitted afterwards gets it
        Http.Response set = api.putJson("/api/v1/retention", Map.of("audioTtl", "P1D"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(Duration.parse(set.json().path("effectiveAudioTtl").asText()))
                .isEqualTo(Duration.ofDays(1));
        try {
            JsonNode job = submit(Map.of("notBefore", "2030-01-01T00:00:00Z"));
            assertThat(Duration.parse(job.path("retention").path("audioTtl").asText()))
                    .isEqualTo(Duration.ofDays(1));
            // a job's own option wins over the tenant's
            JsonNode own = submit(Map.of("notBefore", "2030-01-01T00:00:00Z", "audioTtl", "PT6H"));
            assertThat(Duration.parse(own.path("retention").path("audioTtl").asText()))
                    .isEqualTo(Duration.ofHours(6));
            assertThat(api.putJson("/api/v1/retention", Map.of("audioTtl", "soon"))
                            .status())
                    .isEqualTo(400);
        } finally {
            Map<String, Object> none = new HashMap<>();
            none.put("audioTtl", null);
            api.putJson("/api/v1/retention", none);
        }
        assertThat(Duration.parse(api.get("/api/v1/retention")
                        .json()
                        .path("effectiveAudioTtl")
                        .asText()))
                .isEqualTo(Duration.ofDays(7));

        // and a user key of another tenant reads its own defaults but may not change them
        String userKey = api.postJson("/api/v1/admin/tenants", Map.of("name", "retention-user", "admin", false))
                .json()
                .path("apiKey")
                .asText();
        Http user = api.withKey(userKey);
        assertThat(user.get("/api/v1/retention").status()).isEqualTo(200);
        Http.Response refused = user.putJson("/api/v1/retention", Map.of("audioTtl", "P1D"));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void workFilesOfEndedJobsAreSweptAndThoseOfLiveJobsKept() throws Exception {
        // given a job that has ended and one that waits, each with a work file left behind
        String ended = finished(submit(Map.of())).path("id").asText();
        String waiting =
                submit(Map.of("notBefore", "2030-01-01T00:00:00Z")).path("id").asText();
        Path work = Path.of("target/test-work");
        Files.createDirectories(work);
        Path endedFile = Files.write(work.resolve(ended + ".f32"), new byte[16]);
        Path waitingFile = Files.write(work.resolve(waiting + ".f32"), new byte[16]);
        Path foreign = Files.write(work.resolve(UUID.randomUUID() + ".f32"), new byte[16]);

        // when the purge runs
        purge.runOnce();

        // then the ended job's file is gone; the waiting job's, and one no job here knows, are kept
        assertThat(endedFile).doesNotExist();
        assertThat(waitingFile).exists();
        assertThat(foreign).exists();
        Files.delete(waitingFile);
        Files.delete(foreign);
        api.delete("/api/v1/jobs/" + waiting);
    }

    @Test
    void twoPurgesAtOnceDeleteEachDueJobOnce() throws Exception {
        // given 40 ended jobs whose audio is due (and nothing else due), as two instances sharing the database see them
        purge.runOnce();
        UUID tenant = jdbc.sql("select id from tenant order by created_at limit 1")
                .query(UUID.class)
                .single();
        Instant now = clock.instant();
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            Path file = Files.createDirectories(Path.of("target/test-audio", id.toString()))
                    .resolve("due.wav");
            Files.write(file, new byte[4]);
            files.add(file);
            jdbc.sql("""
                            insert into transcription_job (id, tenant_id, status, audio_path, audio_name, audio_bytes,
                                audio_owned, model, itn, formats, run_at, created_at, finished_at, audio_ttl_seconds,
                                audio_expires_at)
                            values (?, ?, 'SUCCEEDED', ?, 'due.wav', 4, true, 'whisper-tiny.en', true, 'json', ?, ?, ?,
                                60, ?)""")
                    .params(
                            id,
                            tenant,
                            file.toAbsolutePath().toString(),
                            java.sql.Timestamp.from(now.minusSeconds(120)),
                            java.sql.Timestamp.from(now.minusSeconds(120)),
                            java.sql.Timestamp.from(now.minusSeconds(60)),
                            java.sql.Timestamp.from(now))
                    .update();
        }

        // when two purges run at the same time
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(purge::runOnce);
            var b = pool.submit(purge::runOnce);
            int total = a.get(1, java.util.concurrent.TimeUnit.MINUTES).audio()
                    + b.get(1, java.util.concurrent.TimeUnit.MINUTES).audio();

            // then between them every due job was purged exactly once, and every file is gone
            assertThat(total).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(files).allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(jdbc.sql("select count(*) from transcription_job where audio_name = 'due.wav' "
                                + "and audio_deleted_at is null")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private Path uploaded(String id) throws Exception {
        Path dir = Path.of("target/test-audio", id);
        if (!Files.isDirectory(dir)) {
            return dir.resolve("missing");
        }
        try (var files = Files.list(dir)) {
            return files.findFirst().orElse(dir.resolve("missing"));
        }
    }

    private Http.Response submitResponse(Map<String, String> options) {
        Map<String, Object> fields = new HashMap<>(options);
        fields.put("file", SharedData.manifest("en-short").get(0).file());
        fields.put("language", "en");
        return api.postMultipart("/api/v1/jobs", fields, Map.of());
    }

    private JsonNode submit(Map<String, String> options) {
        Http.Response r = submitResponse(options);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    private JsonNode finished(JsonNode submitted) {
        String location = "/api/v1/jobs/" + submitted.path("id").asText();
        JsonNode job = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(location).json(), j -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
                        .contains(j.path("status").asText()));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    // the console, logged in as its admin

    private ConsoleSession session;

    private String console(String path, String language) {
        return session().page(path, language);
    }

    private int consoleStatus(String path) {
        return session().get(path, "en").statusCode();
    }

    private ConsoleSession session() {
        if (session == null) {
            session = ConsoleSession.login(base(), PASSWORD);
        }
        return session;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

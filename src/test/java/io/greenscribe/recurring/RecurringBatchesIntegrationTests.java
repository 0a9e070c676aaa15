package io.greenscribe.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.MutableClock;
import io.greenscribe.testing.TestDatabaseConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Recurring batches over real HTTP on a real PostgreSQL. The timer is off and no job runs: each
 * test moves the clock and calls {@link RecurringBatchScheduler#tick()} itself.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"greenscribe.queue.enabled=false", "greenscribe.recurring.enabled=false"})
@Import({TestDatabaseConfiguration.class, RecurringBatchesIntegrationTests.Clocks.class})
class RecurringBatchesIntegrationTests {

    static final Path ROOT =
            Path.of("target", "recurring-roots", UUID.randomUUID().toString()).toAbsolutePath();

    // Saturday before the night Europe/Berlin moves its clocks forward (2026-03-29, 02:00 → 03:00).
    static final Instant SATURDAY_NOON = Instant.parse("2026-03-28T12:00:00Z");
    static final Instant OPENS = Instant.parse("2026-03-28T21:00:00Z"); // 22:00 CET
    static final Instant DEADLINE = Instant.parse("2026-03-29T05:00:00Z"); // 07:00 CEST: an 8-hour night

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(SATURDAY_NOON);
        }
    }

    @DynamicPropertySource
    static void allowedRoot(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(ROOT);
        registry.add("greenscribe.jobs.allowed-roots", ROOT::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RecurringBatchScheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecurringBatchService service;

    Http api;

    @BeforeAll
    static void modelIsThere() {
        Models.require("whisper-tiny.en");
    }

    @BeforeEach
    void freshStart() {
        api = new Http("http://localhost:" + port, "gs_test_admin_key");
        clock.set(SATURDAY_NOON);
        // each test ticks for its own recurring batches only
        jdbc.sql("update recurring_batch set enabled = false").update();
    }

    @Test
    void theNextWindowIsWrittenInTheBatchsTimeZoneAcrossTheDstChange() throws IOException {
        folder("dst", "a.wav");

        // when a nightly batch is created on the Saturday before summer time starts in Berlin
        Http.Response created = api.postJson("/api/v1/recurring-batches", nightly("dst"));

        // then the night opens at 22:00 CET and ends at 07:00 CEST: eight hours, not nine
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode next = created.json().path("next");
        assertThat(next.path("key").asText()).isEqualTo("2026-03-28");
        assertThat(Instant.parse(next.path("opens").asText())).isEqualTo(OPENS);
        assertThat(Instant.parse(next.path("deadline").asText())).isEqualTo(DEADLINE);
        assertThat(created.json().path("days")).hasSize(7);
        assertThat(created.json().path("onlyNew").asBoolean()).isTrue();
        assertThat(created.header("Location"))
                .isEqualTo(
                        "/api/v1/recurring-batches/" + created.json().path("id").asText());

        // and a Friday-only batch's next window is the following Friday, now at UTC+2
        Map<String, Object> fridays = nightly("dst");
        fridays.put("days", List.of("FRI"));
        JsonNode friday =
                api.postJson("/api/v1/recurring-batches", fridays).json().path("next");
        assertThat(Instant.parse(friday.path("opens").asText())).isEqualTo(Instant.parse("2026-04-03T20:00:00Z"));
        assertThat(Instant.parse(friday.path("deadline").asText())).isEqualTo(Instant.parse("2026-04-04T05:00:00Z"));

        // and the list and the single view show it
        assertThat(api.get("/api/v1/recurring-batches").json().findValuesAsString("id"))
                .contains(created.json().path("id").asText());
        assertThat(api.get(created.header("Location"))
                        .json()
                        .path("next")
                        .path("opens")
                        .asText())
                .isEqualTo(next.path("opens").asText());

        // and the OpenAPI description lists the endpoints
        assertThat(api.withKey(null).get("/v3/api-docs").body()).contains("/api/v1/recurring-batches/{id}");
    }

    @Test
    void badRecurringBatchesAreRefusedWithAProblemThatSaysWhy() throws IOException {
        folder("valid", "a.wav");
        Files.writeString(ROOT.resolve("plain-file.txt"), "not a directory");
        Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(with("timeZone", "Mars/Olympus_Mons"), "not a time zone");
        cases.put(with("finishBy", "22:00"), "both 22:00");
        cases.put(with("days", List.of("MON", "FUNDAY")), "'FUNDAY' is not a day");
        cases.put(with("opensAt", "25:00"), "opensAt must be a local time");
        cases.put(with("directory", "../"), "not a file under an allowed server directory");
        cases.put(with("directory", "valid/../../.."), "not a file under an allowed server directory");
        cases.put(with("directory", "/etc"), "not a file under an allowed server directory");
        cases.put(with("directory", "plain-file.txt"), "is not a directory");
        cases.put(with("name", " "), "name is required");
        cases.put(with("formats", List.of("docx")), "Unknown transcript format");
        cases.put(with("schedule", "nightly"), "Unknown field 'schedule'");
        cases.put(with("speakers", 2), "need diarize=true");
        Map<String, Object> tooMany = with("diarize", true);
        tooMany.put("maxSpeakers", 21);
        cases.put(tooMany, "between 1 and 20");
        for (Map.Entry<Map<String, Object>, String> c : cases.entrySet()) {
            Http.Response r = api.postJson("/api/v1/recurring-batches", c.getKey());
            assertThat(r.status()).as(c.getKey() + " → " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asText())
                    .as(c.getKey().toString())
                    .contains(c.getValue());
        }
    }

    @Test
    void aTenantSeesAndStopsOnlyItsOwnRecurringBatches() throws IOException {
        folder("mine", "a.wav");
        String location =
                api.postJson("/api/v1/recurring-batches", nightly("mine")).header("Location");
        JsonNode tenant = api.postJson("/api/v1/admin/tenants", Map.of("name", "other-" + port, "admin", false))
                .json();
        Http other = api.withKey(tenant.path("apiKey").asText());

        // then another tenant can neither read nor stop it, nor find it in its list
        assertThat(other.get(location).status()).isEqualTo(404);
        assertThat(other.delete(location).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/recurring-batches").json()).isEmpty();
        assertThat(api.withKey(null).get(location).status()).isEqualTo(401);

        // and its owner stops it: it stays readable, with no next window, and no longer fires
        Http.Response stopped = api.delete(location);
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().path("enabled").asBoolean()).isFalse();
        assertThat(api.get(location).json().path("next").isNull()).isTrue();
        clock.set(OPENS.plus(Duration.ofMinutes(5)));
        assertThat(scheduler.tick()).isZero();
        assertThat(api.get(location).json().path("occurrences")).isEmpty();
    }

    @Test
    void anOpenedWindowBecomesOneBatchWhoseJobsTheCarbonPlannerPlacesInsideIt() throws IOException {
        folder("night", "a.wav", "b.wav");
        Map<String, Object> diarized = nightly("night");
        diarized.put("diarize", true);
        diarized.put("speakers", 2);
        String location = api.postJson("/api/v1/recurring-batches", diarized).header("Location");
        assertThat(api.get(location).json().path("options").path("diarize").asBoolean())
                .isTrue();

        // when the scheduler polls before the window opens, then nothing happens
        clock.set(OPENS.minusSeconds(1));
        assertThat(scheduler.tick()).isZero();
        assertThat(api.get(location).json().path("occurrences")).isEmpty();

        // when it polls after the window opened, then one occurrence submits both files as a batch
        clock.set(OPENS.plus(Duration.ofMinutes(1)));
        assertThat(scheduler.tick()).isEqualTo(1);
        JsonNode occurrence = api.get(location).json().path("occurrences").get(0);
        assertThat(occurrence.path("key").asText()).isEqualTo("2026-03-28");
        assertThat(occurrence.path("files").asInt()).isEqualTo(2);
        String batchId = occurrence.path("batchId").asText();
        JsonNode batch = api.get("/api/v1/batches/" + batchId).json();
        assertThat(batch.path("jobs").asInt()).isEqualTo(2);
        assertThat(batch.path("name").asText()).isEqualTo("nightly night 2026-03-28");

        // and every job may start when the window opens, must finish by its deadline, and was placed by the planner
        for (JsonNode job : api.get("/api/v1/jobs?batch=" + batchId).json().path("items")) {
            JsonNode scheduling = job.path("scheduling");
            assertThat(Instant.parse(scheduling.path("notBefore").asText())).isEqualTo(OPENS);
            assertThat(Instant.parse(scheduling.path("deadline").asText())).isEqualTo(DEADLINE);
            assertThat(scheduling.path("reason").asText())
                    .as(scheduling.toString())
                    .isIn(
                            "GREENEST_NOW",
                            "GREENEST_WINDOW",
                            "SAVING_TOO_SMALL",
                            "CAPACITY_CONSTRAINED",
                            "DEADLINE_TOO_TIGHT");
            assertThat(Instant.parse(scheduling.path("runAt").asText())).isBetween(clock.instant(), DEADLINE);
            if (!scheduling.path("reason").asText().equals("DEADLINE_TOO_TIGHT")) {
                // what the planner expected is kept with the job: the intensity at once and the saving
                assertThat(scheduling.path("baselineIntensity").asDouble())
                        .as(scheduling.toString())
                        .isPositive();
                assertThat(scheduling.path("expectedSavingPct").isNumber())
                        .as(scheduling.toString())
                        .isTrue();
            }
            assertThat(job.path("options").path("language").asText()).isEqualTo("en");
            // and diarizes with the recurring batch's speaker count
            assertThat(job.path("options").path("diarize").asBoolean()).isTrue();
            assertThat(job.path("options").path("speakers").asInt()).isEqualTo(2);
        }

        // when it polls again in the same window, then nothing is duplicated
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isZero();
        assertThat(api.get(location).json().path("occurrences")).hasSize(1);
        assertThat(jobsOf(location)).isEqualTo(2);
    }

    @Test
    void twoInstancesPollingAtOnceCreateEachOccurrenceOnce() throws Exception {
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            folder("race" + i, "a.wav", "b.wav", "c.wav");
            locations.add(api.postJson("/api/v1/recurring-batches", nightly("race" + i))
                    .header("Location"));
        }
        clock.set(OPENS.plus(Duration.ofMinutes(1)));

        // when two pollers (two instances sharing the database) tick at the same moment
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> ticks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ticks.add(pool.submit(() -> {
                    together.await();
                    return scheduler.tick();
                }));
            }

            // then each occurrence was created once, by one of them, with one batch of all files
            assertThat(ticks.get(0).get() + ticks.get(1).get()).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
        for (String location : locations) {
            JsonNode occurrences = api.get(location).json().path("occurrences");
            assertThat(occurrences).hasSize(1);
            assertThat(occurrences.get(0).path("files").asInt()).isEqualTo(3);
            assertThat(jobsOf(location)).isEqualTo(3);
        }
    }

    @Test
    void onlyFilesThatAreNewOrChangedAreSubmittedTheNextNight() throws IOException {
        Path dir = folder("only-new", "a.wav", "b.wav");
        String location =
                api.postJson("/api/v1/recurring-batches", nightly("only-new")).header("Location");
        clock.set(OPENS.plus(Duration.ofMinutes(1)));
        assertThat(scheduler.tick()).isEqualTo(1);

        // when during the day a file is added and another one grows
        Files.write(dir.resolve("c.wav"), new byte[300]);
        Files.write(dir.resolve("b.wav"), new byte[500]);

        // then the next night submits those two only, and says why the third was skipped
        clock.set(OPENS.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));
        assertThat(scheduler.tick()).isEqualTo(1);
        JsonNode sunday = api.get(location).json().path("occurrences").get(0);
        assertThat(sunday.path("key").asText()).isEqualTo("2026-03-29");
        assertThat(sunday.path("files").asInt()).isEqualTo(2);
        assertThat(sunday.path("note").asText()).contains("1 of 3 file(s) skipped");
        List<String> names = api.get(
                        "/api/v1/jobs?batch=" + sunday.path("batchId").asText())
                .json()
                .path("items")
                .findValuesAsString("name");
        assertThat(names).containsExactlyInAnyOrder("b.wav", "c.wav");

        // and when nothing changed, the night after records an occurrence without a batch
        clock.set(OPENS.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1)));
        assertThat(scheduler.tick()).isEqualTo(1);
        JsonNode monday = api.get(location).json().path("occurrences").get(0);
        assertThat(monday.path("files").asInt()).isZero();
        assertThat(monday.path("batchId").isNull()).isTrue();
        assertThat(monday.path("note").asText()).contains("3 of 3 file(s) skipped");
    }

    @Test
    void aPausedRecurringBatchOpensNothingUntilResumedAndDeletingItKeepsItsBatches() throws IOException {
        // given a recurring batch the console paused before its window opened
        folder("paused", "a.wav");
        String location =
                api.postJson("/api/v1/recurring-batches", nightly("paused")).header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        UUID tenant = jdbc.sql("select tenant_id from recurring_batch where id = ?")
                .param(id)
                .query(UUID.class)
                .single();
        service.stop(tenant, id);

        // when its window opens, then nothing is submitted
        clock.set(OPENS.plus(Duration.ofHours(1)));
        assertThat(scheduler.tick()).isZero();

        // when it is resumed while the window is still open, then that window's batch is submitted
        assertThat(service.resume(tenant, id).enabled()).isTrue();
        assertThat(scheduler.tick()).isEqualTo(1);
        String batch = api.get(location)
                .json()
                .path("occurrences")
                .get(0)
                .path("batchId")
                .asText();

        // when it is deleted, then it and its history are gone, and the batch it submitted stays
        service.delete(tenant, id);
        assertThat(api.get(location).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from recurring_occurrence where recurring_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(api.get("/api/v1/batches/" + batch).status()).isEqualTo(200);
    }

    @Test
    void anEmptyFolderIsRecordedAsAnOccurrenceWithNoFilesAndNoBatch() throws IOException {
        folder("empty");
        String location =
                api.postJson("/api/v1/recurring-batches", nightly("empty")).header("Location");
        clock.set(OPENS.plus(Duration.ofHours(1)));

        assertThat(scheduler.tick()).isEqualTo(1);

        JsonNode occurrence = api.get(location).json().path("occurrences").get(0);
        assertThat(occurrence.path("files").asInt()).isZero();
        assertThat(occurrence.path("batchId").isNull()).isTrue();
        assertThat(occurrence.path("note").asText()).contains("no files");
    }

    @Test
    void aFolderThatVanishedIsRecordedOnceAndOtherRecurringBatchesCarryOn() throws IOException {
        Path gone = folder("vanishing", "a.wav");
        folder("steady", "a.wav");
        String broken =
                api.postJson("/api/v1/recurring-batches", nightly("vanishing")).header("Location");
        String fine =
                api.postJson("/api/v1/recurring-batches", nightly("steady")).header("Location");
        Files.delete(gone.resolve("a.wav"));
        Files.delete(gone);
        clock.set(OPENS.plus(Duration.ofMinutes(1)));

        // when the window opens, then the broken one records why, and the other submits its batch
        assertThat(scheduler.tick()).isEqualTo(2);
        JsonNode failed = api.get(broken).json().path("occurrences").get(0);
        assertThat(failed.path("note").asText()).contains("not listed").contains("vanishing");
        assertThat(failed.path("batchId").isNull()).isTrue();
        assertThat(api.get(fine).json().path("occurrences").get(0).path("files").asInt())
                .isEqualTo(1);

        // and the failure is not retried on every poll
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isZero();
        assertThat(api.get(broken).json().path("occurrences")).hasSize(1);
    }

    @Test
    void aSubmissionThatFailsHalfwayLeavesNoHalfBatchAndIsRecordedOnce() throws IOException {
        folder("half", "a.wav", "b.wav");
        String location =
                api.postJson("/api/v1/recurring-batches", nightly("half")).header("Location");
        // given a model that was uninstalled after the recurring batch was created: the batch row is
        // written before the first job is refused
        jdbc.sql("update recurring_batch set model = 'whisper-gone' where id = ?")
                .param(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)))
                .update();
        long batchesBefore =
                jdbc.sql("select count(*) from job_batch").query(Long.class).single();
        clock.set(OPENS.plus(Duration.ofMinutes(1)));

        // when the window opens, then the occurrence is recorded with the reason and nothing else remains
        assertThat(scheduler.tick()).isEqualTo(1);
        JsonNode occurrence = api.get(location).json().path("occurrences").get(0);
        assertThat(occurrence.path("note").asText())
                .contains("Nothing was submitted")
                .contains("whisper-gone");
        assertThat(occurrence.path("batchId").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from job_batch").query(Long.class).single())
                .isEqualTo(batchesBefore);

        // and it is not retried on the next poll
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isZero();
    }

    @Test
    void aWindowWhoseDeadlinePassedWhileNobodyPolledIsNotCreated() throws IOException {
        folder("missed", "a.wav");
        String location =
                api.postJson("/api/v1/recurring-batches", nightly("missed")).header("Location");

        // when the first poll after the night comes at 08:00, after the 07:00 deadline
        clock.set(DEADLINE.plus(Duration.ofHours(1)));

        // then that night is skipped, and the next view points at the coming night
        assertThat(scheduler.tick()).isZero();
        JsonNode view = api.get(location).json();
        assertThat(view.path("occurrences")).isEmpty();
        assertThat(view.path("next").path("key").asText()).isEqualTo("2026-03-29");
    }

    private Map<String, Object> nightly(String directory) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "nightly " + directory);
        body.put("directory", directory);
        body.put("timeZone", "Europe/Berlin");
        body.put("opensAt", "22:00");
        body.put("finishBy", "07:00");
        body.put("language", "en");
        return body;
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = nightly("valid");
        body.put(field, value);
        return body;
    }

    private int jobsOf(String location) {
        return api.get(location + "?occurrences=100").json().path("occurrences").findValuesAsString("batchId").stream()
                .filter(id -> !id.isEmpty() && !id.equals("null"))
                .mapToInt(id ->
                        api.get("/api/v1/batches/" + id).json().path("jobs").asInt())
                .sum();
    }

    /** A folder under the allowed root holding small files; nothing decodes them, since no job runs here. */
    private static Path folder(String name, String... files) throws IOException {
        Path dir = Files.createDirectories(ROOT.resolve(name));
        for (String file : files) {
            Files.write(dir.resolve(file), new byte[200]);
        }
        return dir;
    }
}

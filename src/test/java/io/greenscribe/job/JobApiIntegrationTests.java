package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.carbon.trace.RecordedTrace;
import io.greenscribe.carbon.trace.TraceCarbonFeed;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import io.greenscribe.testing.WordErrorRate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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

/** The jobs API over real HTTP, on a real PostgreSQL, with the real model transcribing real speech. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "greenscribe.jobs.allowed-roots=../shared/data/speech",
            "greenscribe.jobs.max-upload-size=5MB",
            "greenscribe.queue.poll-interval=100ms",
            "greenscribe.queue.concurrent-jobs=2",
            "greenscribe.jobs.webhook-secret=test-secret"
        })
@Import(TestDatabaseConfiguration.class)
class JobApiIntegrationTests {

    static final String ADMIN_KEY = "gs_test_admin_key";

    @LocalServerPort
    int port;

    Http api;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void modelIsThere() {
        Models.require("whisper-tiny.en");
    }

    @BeforeEach
    void client() {
        api = new Http("http://localhost:" + port, ADMIN_KEY);
    }

    @Test
    void realSpeechGoesInAndTimedTranscriptsComeOut() {
        // given a real recording and its reference transcript
        SharedData.Utterance clip = SharedData.manifest("en-short").get(0);

        // when it is uploaded
        Http.Response submitted = api.postMultipart(
                "/api/v1/jobs", Map.of("file", clip.file(), "language", "en", "formats", "srt,json"), Map.of());

        // then the job is accepted with its location
        assertThat(submitted.status()).isEqualTo(202);
        String location = submitted.header("Location");
        assertThat(location).startsWith("/api/v1/jobs/");
        JsonNode job = awaitFinished(location);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("progress").path("windowsDone").asInt())
                .isEqualTo(job.path("progress").path("windowsTotal").asInt())
                .isPositive();
        assertThat(job.path("audio").path("durationSeconds").asDouble())
                .isCloseTo(clip.durationSeconds(), org.assertj.core.data.Offset.offset(0.1));
        assertThat(job.path("model").asText()).isEqualTo("whisper-tiny.en");
        assertThat(job.path("device").asText()).isNotBlank();
        assertThat(job.path("scheduling").path("reason").asText()).isEqualTo("RUN_NOW");
        assertThat(job.path("timings").path("runSeconds").asDouble()).isPositive();

        // and its event log has each move in order, the run with its worker
        JsonNode events = api.get(location + "/events").json();
        assertThat(events.findValuesAsString("transition")).containsExactly("SUBMIT", "ENQUEUE", "CLAIM", "SUCCEED");
        assertThat(events.findValuesAsString("to")).containsExactly("SUBMITTED", "QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(events.get(2).path("workerId").asText()).isNotBlank();
        assertThat(events.get(2).path("attempt").asInt()).isEqualTo(1);

        // and the SRT is a subtitle file of the speech
        Http.Response srt = api.get(location + "/transcript?format=srt");
        assertThat(srt.status()).isEqualTo(200);
        assertThat(srt.header("Content-Type")).startsWith("application/x-subrip");
        assertThat(srt.body()).startsWith("1\n").contains(" --> ");

        // and the JSON has the words, timed monotonically inside the audio
        JsonNode transcript = api.get(location + "/transcript?format=json").json();
        assertThat(WordErrorRate.wer(clip.reference(), transcript.path("text").asText()))
                .isLessThan(0.2);
        double previousStart = 0;
        for (JsonNode segment : transcript.path("segments")) {
            double start = segment.path("start").asDouble();
            double end = segment.path("end").asDouble();
            assertThat(start).isGreaterThanOrEqualTo(previousStart);
            assertThat(end).isGreaterThanOrEqualTo(start).isLessThanOrEqualTo(clip.durationSeconds() + 0.05);
            previousStart = start;
        }

        // and the history search finds it by a word it contains
        JsonNode hits = api.get("/api/v1/transcripts/search?q=printing").json();
        assertThat(hits.findValuesAsString("jobId")).contains(job.path("id").asText());
    }

    @Test
    void aFinishedJobReportsItsEnergyAndEmissionsPricedAtTheGridOfItsRun() {
        // given the default carbon feed's trace, read here on its own
        TraceCarbonFeed grid = new TraceCarbonFeed(
                RecordedTrace.read(SharedData.carbon("lets-wait-awhile-2020/gb_ci.csv")),
                true,
                java.time.Clock.systemUTC());

        // when a real recording is transcribed
        String location = api.postJson("/api/v1/jobs", Map.of("path", "en-short/audio/LJ001-0002.flac"))
                .header("Location");
        JsonNode job = awaitFinished(location);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode carbon = job.path("carbon");

        // then it used energy, measured by a named method that says how the job's share was found
        double wh = carbon.path("energyWh").asDouble();
        assertThat(wh).as(carbon.toString()).isPositive();
        assertThat(carbon.path("energyMethod").asText()).isIn("RAPL", "NVML", "POWER_MODEL", "COMBINED");
        // split into CPU, memory and GPU, adding up to the total; the embodied share apart
        assertThat(carbon.path("energyCpuWh").asDouble()
                        + carbon.path("energyMemoryWh").asDouble()
                        + carbon.path("energyGpuWh").asDouble())
                .isCloseTo(wh, within(1e-9));
        assertThat(carbon.path("energyCpuWh").asDouble()).isPositive();
        double embodied = carbon.path("embodiedGco2e").asDouble();
        assertThat(embodied).as(carbon.toString()).isPositive();
        assertThat(carbon.path("energyDetail").asText()).contains("embodied: ");
        assertThat(carbon.path("energyDetail").asText()).containsAnyOf("no other job ran", "split equally");
        assertThat(carbon.path("note").isNull()).as(carbon.toString()).isTrue();

        // and it is priced at the trace's intensity over its run, average signal
        Instant started = Instant.parse(job.path("timings").path("startedAt").asText());
        Instant finished = Instant.parse(job.path("timings").path("finishedAt").asText());
        double atRun = carbon.path("intensityAtRun").asDouble();
        assertThat(atRun).isBetween(lowest(grid, started, finished), highest(grid, started, finished));
        assertThat(carbon.path("signalType").asText()).isEqualTo("AVERAGE");
        assertThat(carbon.path("intensitySource").asText()).isEqualTo("trace:gb_ci.csv");
        assertThat(carbon.path("gco2e").asDouble()).isCloseTo(wh / 1000 * atRun, within(1e-9));

        // and the counterfactual is the same energy at the intensity of a run as long from submission
        Instant created = Instant.parse(job.path("timings").path("createdAt").asText());
        Instant asLong = created.plus(Duration.between(started, finished));
        double atSubmission = carbon.path("intensityAtSubmission").asDouble();
        assertThat(atSubmission).isBetween(lowest(grid, created, asLong), highest(grid, created, asLong));
        assertThat(carbon.path("counterfactualGco2e").asDouble()).isCloseTo(wh / 1000 * atSubmission, within(1e-9));
        assertThat(carbon.path("savingGco2e").asDouble())
                .isCloseTo(
                        carbon.path("counterfactualGco2e").asDouble()
                                - carbon.path("gco2e").asDouble(),
                        within(1e-9));

        // and the SCI is its operational plus embodied emissions per hour of audio (audio counted to the millisecond)
        double audioHours = job.path("audio").path("durationSeconds").asDouble() / 3600;
        assertThat(carbon.path("sciGco2ePerAudioHour").asDouble())
                .isCloseTo((carbon.path("gco2e").asDouble() + embodied) / audioHours, withinPercentage(0.1));

        // and the Prometheus scrape, for an admin key only, counts it
        Http.Response scrape = api.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(sample(scrape.body(), "greenscribe_job_energy_wh_total"))
                .isGreaterThanOrEqualTo(wh)
                .isPositive();
        assertThat(sample(scrape.body(), "greenscribe_job_gco2e_total")).isPositive();
        assertThat(sample(scrape.body(), "greenscribe_job_counterfactual_gco2e_total"))
                .isPositive();
        assertThat(sample(scrape.body(), "greenscribe_audio_seconds_total"))
                .isGreaterThanOrEqualTo(
                        job.path("audio").path("durationSeconds").asDouble());
        assertThat(sample(scrape.body(), "greenscribe_job_sci_gco2e_per_audio_hour_count"))
                .isPositive();
        assertThat(sample(scrape.body(), "greenscribe_job_embodied_gco2e_total"))
                .isGreaterThanOrEqualTo(embodied);
        assertThat(scrape.body())
                .contains("part=\"cpu\"")
                .contains("part=\"memory\"")
                .contains("part=\"gpu\"");
        assertThat(scrape.body())
                .contains("method=\"" + carbon.path("energyMethod").asText() + "\"")
                .contains("model=\"whisper-tiny.en\"")
                .contains("signal=\"AVERAGE\"");
        JsonNode user = api.postJson("/api/v1/admin/tenants", Map.of("name", "scraper-" + port, "admin", false))
                .json();
        assertThat(api.withKey(user.path("apiKey").asText())
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);
        assertThat(api.withKey(null).get("/actuator/prometheus").status()).isEqualTo(401);
    }

    /** The sum of a metric's samples over all its tag sets, from Prometheus text format. */
    private static double sample(String scrape, String metric) {
        return scrape.lines()
                .filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    // The extremes of the trace around a window, widened by a rounding error of the time-weighted mean.
    private static double lowest(TraceCarbonFeed grid, Instant from, Instant to) {
        return grid.forecast(GridZone.of("GB"), from.minusSeconds(1), to.plusSeconds(1)).slots().stream()
                        .mapToDouble(IntensitySlot::gCo2PerKwh)
                        .min()
                        .orElseThrow()
                - 1e-9;
    }

    private static double highest(TraceCarbonFeed grid, Instant from, Instant to) {
        return grid.forecast(GridZone.of("GB"), from.minusSeconds(1), to.plusSeconds(1)).slots().stream()
                        .mapToDouble(IntensitySlot::gCo2PerKwh)
                        .max()
                        .orElseThrow()
                + 1e-9;
    }

    @Test
    void filesUnderAnAllowedServerDirectoryCanBeNamedButNothingOutsideIt() {
        // when a file under the allowed root is named, then it is transcribed
        Http.Response ok = api.postJson("/api/v1/jobs", Map.of("path", "en-short/audio/LJ001-0002.flac"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(202);
        assertThat(awaitFinished(ok.header("Location")).path("status").asText()).isEqualTo("SUCCEEDED");

        // when paths escape the root, then each is refused with a problem detail
        for (String escape : List.of("../../../../etc/passwd", "/etc/passwd", "en-short/../../../pom.xml")) {
            Http.Response refused = api.postJson("/api/v1/jobs", Map.of("path", escape));
            assertThat(refused.status()).as(escape).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asText()).contains("not a file under an allowed server directory");
        }
    }

    @Test
    void everyCallNeedsAKeyAndATenantSeesOnlyItsOwnJobs() {
        // given a job of the admin tenant and a second tenant
        String location = api.postJson("/api/v1/jobs", Map.of("path", "en-short/audio/LJ001-0002.flac"))
                .header("Location");
        JsonNode tenant = api.postJson("/api/v1/admin/tenants", Map.of("name", "other-" + port, "admin", false))
                .json();
        Http other = api.withKey(tenant.path("apiKey").asText());

        // then without a key, or with an unknown one, the API answers 401 problem details
        Http.Response anonymous = api.withKey(null).get("/api/v1/jobs");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.withKey("gs_not_a_key").get("/api/v1/jobs").status()).isEqualTo(401);

        // and the other tenant cannot see, read or cancel the job: it does not exist for them
        assertThat(other.get(location).status()).isEqualTo(404);
        assertThat(other.get(location + "/transcript").status()).isEqualTo(404);
        assertThat(other.delete(location).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/jobs").json().path("total").asLong()).isZero();

        // and a non-admin key cannot manage tenants
        assertThat(other.postJson("/api/v1/admin/tenants", Map.of("name", "sneaky"))
                        .status())
                .isEqualTo(403);

        // while the OpenAPI document is public
        Http.Response openapi = api.withKey(null).get("/v3/api-docs");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/jobs");
    }

    @Test
    void badInputIsRefusedClearlyOrFailsOnlyItsOwnJob(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path speech = SharedData.speech("en-short/audio/LJ001-0002.flac");

        // unknown option, bad values, empty upload: 400 with a detail naming the problem
        assertProblem(
                api.postMultipart("/api/v1/jobs", Map.of("file", speech, "colour", "green"), Map.of()), 400, "colour");
        assertProblem(api.postMultipart("/api/v1/jobs", Map.of("file", speech, "itn", "maybe"), Map.of()), 400, "itn");
        assertProblem(
                api.postMultipart("/api/v1/jobs", Map.of("file", speech, "model", "whisper-huge"), Map.of()),
                400,
                "Unknown model");
        assertProblem(
                api.postMultipart("/api/v1/jobs", Map.of("file", speech, "language", "Klingon!"), Map.of()),
                400,
                "language");
        assertProblem(
                api.postMultipart("/api/v1/jobs", Map.of("file", speech, "formats", "docx"), Map.of()), 400, "docx");
        assertProblem(
                api.postMultipart("/api/v1/jobs", Map.of("file", speech, "deadline", "tomorrow"), Map.of()),
                400,
                "deadline");
        assertProblem(api.postMultipart("/api/v1/jobs", Map.of("file", new byte[0]), Map.of()), 400, "empty");
        assertProblem(api.postMultipart("/api/v1/jobs", Map.of("language", "en"), Map.of()), 400, "exactly one");
        assertProblem(
                api.postJson("/api/v1/jobs", Map.of("path", "en-short/audio/LJ001-0002.flac", "speed", 2)), 400, null);

        // over the upload limit: 413
        assertProblem(
                api.postMultipart("/api/v1/jobs", Map.of("file", new byte[6 * 1024 * 1024]), Map.of()), 413, "larger");

        // a file that is not audio is accepted, and its job fails with a reason a person can read
        Path text = Files.writeString(tmp.resolve("notes.wav"), "this is not audio at all ".repeat(100));
        String bad = api.postMultipart("/api/v1/jobs", Map.of("file", text), Map.of())
                .header("Location");
        Path corrupt = tmp.resolve("half.flac");
        byte[] flac = Files.readAllBytes(speech);
        Files.write(corrupt, java.util.Arrays.copyOf(flac, 200));
        String broken = api.postMultipart("/api/v1/jobs", Map.of("file", corrupt), Map.of())
                .header("Location");
        String good = api.postMultipart("/api/v1/jobs", Map.of("file", speech), Map.of())
                .header("Location");

        JsonNode failed = awaitFinished(bad);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).isNotBlank().doesNotContain("Exception");
        // the energy of a failed run is reported all the same
        assertThat(failed.path("carbon").path("energyWh").isNumber())
                .as(failed.toString())
                .isTrue();
        assertThat(failed.path("carbon").path("energyMethod").asText()).isNotBlank();
        assertThat(awaitFinished(broken).path("status").asText()).isEqualTo("FAILED");
        // and other jobs are unaffected
        assertThat(awaitFinished(good).path("status").asText()).isEqualTo("SUCCEEDED");
        assertProblem(api.get(bad + "/transcript"), 409, "FAILED");
        assertProblem(api.get(good + "/transcript?format=docx"), 400, "docx");
        assertProblem(api.get("/api/v1/jobs/not-a-uuid"), 400, null);
    }

    @Test
    void webhooksToLoopbackPrivateOrMetadataAddressesOrWithCredentialsAreRefusedAtSubmission() {
        Path speech = SharedData.speech("en-short/audio/LJ001-0002.flac");
        // These addresses are only inputs to the submission check: each is refused before any lookup
        // or connection (literals are parsed, numeric spellings and credentials refused as text), so
        // no request goes anywhere but this loopback server.
        Map<String, String> refused = Map.of(
                "http://127.0.0.1:8080/hook", "https",
                "https://127.0.0.1:5432/", "loopback",
                "https://[::1]/actuator/health", "loopback",
                "https://169.254.169.254/latest/meta-data/", "link-local",
                "https://192.168.0.10/hook", "private",
                "https://2130706433/", "not a plain IPv4",
                "https://user:pw@hooks.example.com/", "credentials");
        refused.forEach((url, why) -> assertProblem(
                api.postMultipart("/api/v1/jobs", Map.of("file", speech, "callbackUrl", url), Map.of()), 400, why));
        // nothing was stored for them
        assertThat(api.get("/api/v1/jobs?size=500").json().path("items").findValuesAsString("callbackUrl"))
                .allMatch(String::isEmpty);
    }

    @Test
    void malformedRequestsAnswerAClientErrorAsProblemJson() {
        Path speech = SharedData.speech("en-short/audio/LJ001-0002.flac");
        byte[] field = "--b1\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n".getBytes();

        // multipart without a boundary, without its closing boundary, and nested
        assertProblem(api.postRaw("/api/v1/jobs", "multipart/form-data", field), 400, "multipart");
        assertProblem(api.postRaw("/api/v1/jobs", "multipart/form-data; boundary=b1", field), 400, null);
        byte[] nested = ("--b1\r\nContent-Disposition: form-data; name=\"language\"\r\n"
                        + "Content-Type: multipart/mixed; boundary=b2\r\n\r\n--b2\r\nContent-Disposition: form-data; "
                        + "name=\"inner\"\r\n\r\nx\r\n--b2--\r\n\r\n--b1--\r\n")
                .getBytes();
        assertProblem(api.postRaw("/api/v1/jobs", "multipart/form-data; boundary=b1", nested), 400, null);

        // a deadline at the end of time, a language the model does not know
        assertProblem(
                api.postMultipart(
                        "/api/v1/jobs", Map.of("file", speech, "deadline", "+999999999-12-31T23:59:59Z"), Map.of()),
                400,
                "100 years");
        assertProblem(
                api.postMultipart("/api/v1/jobs", Map.of("file", speech, "language", "enx"), Map.of()),
                400,
                "recognizes");

        // 5000 small form fields: too many parts, not "too large"
        Map<String, Object> many = new LinkedHashMap<>();
        many.put("file", speech);
        many.put("hotwords", java.util.Collections.nCopies(5000, "w"));
        assertProblem(api.postMultipart("/api/v1/jobs", many, Map.of()), 400, "too many parts");

        // an 80 KB query: Tomcat refuses it before any servlet, as problem+json too
        assertProblem(api.get("/api/v1/transcripts/search?q=" + "a".repeat(80_000)), 400, "8 KB");
    }

    @Test
    void idempotencyKeysListsAndCancellation() {
        // given a job that may only start far in the future
        Map<String, Object> later = new LinkedHashMap<>();
        later.put("file", SharedData.speech("en-short/audio/LJ001-0002.flac"));
        later.put("notBefore", "2099-01-01T00:00:00Z");
        Http.Response first = api.postMultipart("/api/v1/jobs", later, Map.of("Idempotency-Key", "k-" + port));

        // when it is submitted again with the same key, then the same job comes back
        Http.Response again = api.postMultipart("/api/v1/jobs", later, Map.of("Idempotency-Key", "k-" + port));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        JsonNode job = first.json();
        assertThat(job.path("status").asText()).isEqualTo("WAITING_FOR_WINDOW");
        assertThat(job.path("scheduling").path("reason").asText()).isEqualTo("NOT_BEFORE");

        // and the list filtered by state finds it
        JsonNode waiting =
                api.get("/api/v1/jobs?state=WAITING_FOR_WINDOW&size=10").json();
        assertThat(waiting.findValuesAsString("id")).contains(job.path("id").asText());
        assertProblem(api.get("/api/v1/jobs?state=SLEEPING"), 400, null);

        // when it is cancelled, then it is CANCELLED; cancelling again conflicts; purging deletes its audio
        String location = first.header("Location");
        assertThat(api.delete(location).json().path("status").asText()).isEqualTo("CANCELLED");
        assertProblem(api.delete(location), 409, "CANCELLED");
        assertThat(api.delete(location + "?purge=true").status()).isEqualTo(200);
        assertThat(Path.of("target/test-audio", job.path("id").asText())).doesNotExist();
    }

    @Test
    void aTruncatedUploadSucceedsAsFarAsItGoesAndTheJobSaysSo() throws Exception {
        // given the first 40 % of the bytes of a 9.7 s FLAC clip
        byte[] whole = Files.readAllBytes(SharedData.speech("en-short/audio/LJ001-0001.flac"));
        String location = api.postMultipart(
                        "/api/v1/jobs", Map.of("file", java.util.Arrays.copyOf(whole, whole.length * 4 / 10)), Map.of())
                .header("Location");

        // when it has run, then it succeeded with what was decoded, and its audio carries the warning
        JsonNode job = awaitFinished(location);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("audio").path("warning").asText())
                .containsPattern("decoded [0-9.]+ s; the container declares 9\\.7 s");
        assertThat(job.path("audio").path("durationSeconds").asDouble()).isLessThan(6);
    }

    @Test
    void aRetriedJobsHistoryShowsEachRunInOrder() throws Exception {
        // given a job whose audio was damaged when it first ran, so it failed
        Path speech = SharedData.speech("en-short/audio/LJ001-0002.flac");
        byte[] flac = Files.readAllBytes(speech);
        String location = api.postMultipart(
                        "/api/v1/jobs", Map.of("file", java.util.Arrays.copyOf(flac, 200)), Map.of())
                .header("Location");
        assertThat(awaitFinished(location).path("status").asText()).isEqualTo("FAILED");

        // when its audio is whole again and a person retries it
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        Path stored = Path.of(jdbc.sql("select audio_path from transcription_job where id = ?")
                .param(id)
                .query(String.class)
                .single());
        Files.write(stored, flac);
        assertThat(api.postJson(location + "/retry", Map.of())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("QUEUED");

        // then it succeeds, and its history is failed, queued again, running, succeeded, in that order
        assertThat(awaitFinished(location).path("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode events = api.get(location + "/events").json();
        assertThat(events.findValuesAsString("to"))
                .containsExactly("SUBMITTED", "QUEUED", "RUNNING", "FAILED", "QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(events.findValuesAsString("transition")).containsSubsequence("FAIL", "RETRY", "CLAIM", "SUCCEED");
        assertThat(events.get(3).path("message").asText()).isNotBlank(); // the first failure is kept
    }

    @Test
    void aRetryIsOnlyForAJobThatEndedWithoutATranscript() {
        // given a waiting job, and a second one that a worker of another instance is running
        Map<String, Object> later = new LinkedHashMap<>();
        later.put("file", SharedData.speech("en-short/audio/LJ001-0002.flac"));
        later.put("notBefore", "2099-01-01T00:00:00Z");
        String waiting = api.postMultipart("/api/v1/jobs", later, Map.of()).header("Location");
        String running = api.postMultipart("/api/v1/jobs", later, Map.of()).header("Location");
        UUID runningId = UUID.fromString(running.substring(running.lastIndexOf('/') + 1));
        jdbc.sql("update transcription_job set status = 'RUNNING', worker_id = 'elsewhere', lease_until = ?, "
                        + "version = version + 1 where id = ?")
                .params(Timestamp.from(Instant.now().plusSeconds(600)), runningId)
                .update();

        // when either is retried, then 409 names the job and its state, and nothing moved
        assertProblem(api.postJson(running + "/retry", Map.of()), 409, "RUNNING");
        assertProblem(api.postJson(running + "/retry", Map.of()), 409, runningId.toString());
        assertThat(api.get(running).json().path("status").asText()).isEqualTo("RUNNING");
        assertProblem(api.postJson(waiting + "/retry", Map.of()), 409, "WAITING_FOR_WINDOW");

        // and a cancelled job whose audio was purged cannot be retried either
        api.delete(waiting + "?purge=true");
        assertProblem(api.postJson(waiting + "/retry", Map.of()), 409, "audio was deleted");
        assertThat(api.get(waiting).json().path("status").asText()).isEqualTo("CANCELLED");
        api.delete(running);
    }

    private JsonNode awaitFinished(String location) {
        return await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(location).json(), j -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
                        .contains(j.path("status").asText()));
    }

    private static void assertProblem(Http.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (detailContains != null) {
            assertThat(response.json().path("detail").asText()).contains(detailContains);
        }
    }
}

package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import io.greenscribe.testing.WordErrorRate;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Batches, signed webhooks with retries, and the OpenAI-compatible synchronous endpoint. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "greenscribe.jobs.allowed-roots=../shared/data/speech",
            "greenscribe.jobs.max-upload-size=5MB",
            "greenscribe.queue.poll-interval=100ms",
            "greenscribe.queue.concurrent-jobs=2",
            "greenscribe.jobs.webhook-secret=test-secret",
            // the receiver below is on loopback: allowed here only, and only that address
            "greenscribe.webhooks.allow-http=true",
            "greenscribe.webhooks.allowed-addresses=127.0.0.1/32",
            "greenscribe.webhooks.first-backoff=200ms"
        })
@Import(TestDatabaseConfiguration.class)
class BatchesWebhooksAndOpenAiIntegrationTests {

    @LocalServerPort
    int port;

    Http api;

    @BeforeAll
    static void modelIsThere() {
        Models.require("whisper-tiny.en");
    }

    @BeforeEach
    void client() {
        api = new Http("http://localhost:" + port, "gs_test_admin_key");
    }

    @Test
    void aDirectoryBatchRunsEveryFileAndReportsProgress() {
        // when a server directory is submitted as a batch
        Http.Response r =
                api.postJson("/api/v1/batches", Map.of("directory", "zh-short/audio", "name", "zh", "itn", false));

        // then every file in it becomes a job of the batch, and the batch finishes
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        int files = SharedData.manifest("zh-short").size();
        assertThat(r.json().path("jobs").asInt()).isEqualTo(files);
        JsonNode batch = await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(r.header("Location")).json(), b -> b.path("finished")
                        .asBoolean());
        assertThat(batch.path("byStatus").path("SUCCEEDED").asInt()
                        + batch.path("byStatus").path("FAILED").asInt())
                .isEqualTo(files);
        assertThat(batch.path("windowsDone").asInt())
                .isEqualTo(batch.path("windowsTotal").asInt());

        // and the job list filters by batch
        JsonNode listed =
                api.get("/api/v1/jobs?batch=" + batch.path("id").asText()).json();
        assertThat(listed.path("total").asInt()).isEqualTo(files);

        // and the batch's energy and emissions are its jobs' summed, its SCI their operational and embodied emissions
        // per audio hour
        double wh = 0;
        double g = 0;
        double counterfactual = 0;
        double audioHours = 0;
        double cpu = 0;
        double embodied = 0;
        for (JsonNode job : listed.path("items")) {
            wh += job.path("carbon").path("energyWh").asDouble();
            cpu += job.path("carbon").path("energyCpuWh").asDouble();
            embodied += job.path("carbon").path("embodiedGco2e").asDouble();
            g += job.path("carbon").path("gco2e").asDouble();
            counterfactual += job.path("carbon").path("counterfactualGco2e").asDouble();
            audioHours += job.path("audio").path("durationSeconds").asDouble() / 3600;
        }
        JsonNode carbon = batch.path("carbon");
        assertThat(carbon.path("jobsMetered").asInt()).as(carbon.toString()).isEqualTo(files);
        assertThat(wh).isPositive();
        assertThat(carbon.path("energyWh").asDouble()).isCloseTo(wh, within(1e-9));
        assertThat(carbon.path("gco2e").asDouble()).isPositive().isCloseTo(g, within(1e-9));
        assertThat(carbon.path("counterfactualGco2e").asDouble()).isCloseTo(counterfactual, within(1e-9));
        assertThat(carbon.path("savingGco2e").asDouble()).isCloseTo(counterfactual - g, within(1e-9));
        assertThat(carbon.path("energyCpuWh").asDouble()).isPositive().isCloseTo(cpu, within(1e-9));
        assertThat(carbon.path("embodiedGco2e").asDouble()).isPositive().isCloseTo(embodied, within(1e-9));
        assertThat(carbon.path("sciGco2ePerAudioHour").asDouble()).isCloseTo((g + embodied) / audioHours, within(1e-6));
    }

    @Test
    void uploadsAsABatchAndBadDirectoriesAreRefused() {
        Http.Response r = api.postMultipart(
                "/api/v1/batches",
                Map.of(
                        "files",
                        List.of(
                                SharedData.speech("en-short/audio/LJ001-0002.flac"),
                                SharedData.speech("en-short/audio/LJ001-0004.flac")),
                        "language",
                        "en"),
                Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().path("jobs").asInt()).isEqualTo(2);
        assertThat(api.postJson("/api/v1/batches", Map.of("directory", "../..")).status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/batches", Map.of("directory", "en-short/manifest.tsv"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theCompletionWebhookIsSignedAndRetriedUntilAccepted() throws Exception {
        // given a receiver that fails the first delivery
        List<String[]> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {
                exchange.getRequestHeaders().getFirst("X-GreenScribe-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-GreenScribe-Signature"),
                body
            });
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            // when a job with a callback URL finishes
            String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            String location = api.postMultipart(
                            "/api/v1/jobs",
                            Map.of(
                                    "file",
                                    SharedData.speech("en-short/audio/LJ001-0002.flac"),
                                    "callbackUrl",
                                    callback),
                            Map.of())
                    .header("Location");

            // then the notice arrives twice (one retry), signed with HMAC-SHA256 over timestamp.body
            await().atMost(Duration.ofMinutes(3)).until(() -> received.size() >= 2);
            String[] delivery = received.get(1);
            assertThat(delivery[1]).isEqualTo("sha256=" + hmac("test-secret", delivery[0] + "." + delivery[2]));
            assertThat(delivery[2])
                    .contains(location.substring(location.lastIndexOf('/') + 1))
                    .contains("SUCCEEDED");

            // and both tries show on the job
            JsonNode webhook = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> api.get(location).json().path("webhook"),
                            w -> w.path("state").asText().equals("DELIVERED"));
            assertThat(webhook.path("attempts").findValuesAsString("outcome")).containsExactly("FAILED", "DELIVERED");
            assertThat(webhook.path("attempts").get(0).path("httpStatus").asInt())
                    .isEqualTo(503);

            // when it is redelivered by hand, then a third notice arrives and is recorded as attempt 3
            assertThat(api.postJson(location + "/webhook/redeliver", Map.of()).status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 3);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get(location)
                                    .json()
                                    .path("webhook")
                                    .path("attempts")
                                    .size()
                            == 3);
            assertThat(api.get(location)
                            .json()
                            .path("webhook")
                            .path("attempts")
                            .get(2)
                            .path("attempt")
                            .asInt())
                    .isEqualTo(3);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theOpenAiCompatibleEndpointAnswersSynchronously() {
        SharedData.Utterance clip = SharedData.manifest("en-short").get(2);
        Http.Response json = api.postMultipart(
                "/v1/audio/transcriptions", Map.of("file", clip.file(), "model", "whisper-1"), Map.of());
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(WordErrorRate.wer(clip.reference(), json.json().path("text").asText()))
                .isLessThan(0.25);

        Http.Response verbose = api.postMultipart(
                "/v1/audio/transcriptions", Map.of("file", clip.file(), "response_format", "verbose_json"), Map.of());
        assertThat(verbose.json().path("segments").size()).isPositive();
        assertThat(verbose.json().path("duration").asDouble())
                .isCloseTo(clip.durationSeconds(), org.assertj.core.data.Offset.offset(0.1));

        Http.Response srt = api.postMultipart(
                "/v1/audio/transcriptions", Map.of("file", clip.file(), "response_format", "srt"), Map.of());
        assertThat(srt.body()).startsWith("1\n").contains(" --> ");
        assertThat(api.postMultipart(
                                "/v1/audio/transcriptions",
                                Map.of("file", clip.file(), "response_format", "docx"),
                                Map.of())
                        .status())
                .isEqualTo(400);
    }

    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}

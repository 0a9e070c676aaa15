package io.greenscribe.system.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator's view: the OpenAPI document alone, read from {@code /v3/api-docs}, is enough to
 * call every operation. Each call is built from the document (its parameters' and its request
 * schema's example values, a real recording for binary parts) and must answer a success code that
 * the document declares. The examples name {@code incoming/call-0001.wav} under the server's
 * allowed root, which this test lays out; nothing else is added by hand.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"greenscribe.queue.poll-interval=100ms", "greenscribe.jobs.max-upload-size=5MB"})
@Import(TestDatabaseConfiguration.class)
class OpenApiRoundTripIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path root;

    static Path clip;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void allowedRoot(DynamicPropertyRegistry registry) {
        registry.add("greenscribe.jobs.allowed-roots", () -> root.toString());
    }

    @BeforeAll
    static void audio() throws IOException {
        Models.require("whisper-tiny.en");
        Models.require("whisper-base");
        clip = SharedData.manifest("en-short").get(0).file();
        Files.createDirectories(root.resolve("incoming"));
        Files.copy(clip, root.resolve("incoming/call-0001.wav"));
    }

    @Test
    void theDocumentDescribesTheApiForSwagger() {
        JsonNode doc = JSON.readTree(new Http(base(), null).get("/v3/api-docs").body());

        assertThat(doc.path("info").path("title").asText()).isEqualTo("GreenScribe API");
        assertThat(doc.path("info").path("description").asText()).contains("Authorization: Bearer");
        JsonNode scheme = doc.path("components").path("securitySchemes").path("apiKey");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.path("security").get(0).has("apiKey")).isTrue();
        assertThat(doc.path("paths").propertyNames()).isNotEmpty().noneMatch(p -> p.startsWith("/admin"));

        // the multipart job form is typed field by field, with nothing of Spring's leaking through
        JsonNode form =
                schema(doc, doc.at("/paths/~1api~1v1~1jobs/post/requestBody/content/multipart~1form-data/schema"));
        assertThat(form.path("properties").propertyNames())
                .containsExactlyInAnyOrder(
                        "file",
                        "path",
                        "language",
                        "model",
                        "hotwords",
                        "itn",
                        "formats",
                        "priority",
                        "deadline",
                        "notBefore",
                        "callbackUrl",
                        "interruptible",
                        "audioTtl",
                        "transcriptTtl",
                        "task",
                        "prompt",
                        "wordTimestamps",
                        "diarize",
                        "speakers",
                        "minSpeakers",
                        "maxSpeakers");
        assertThat(form.at("/properties/file/format").asText()).isEqualTo("binary");
        assertThat(form.at("/properties/priority/type").asText()).isEqualTo("integer");
        assertThat(form.at("/properties/itn/type").asText()).isEqualTo("boolean");
        assertThat(form.at("/properties/formats/items/enum").toString()).contains("srt");
        assertThat(example(form.at("/properties/formats")))
                .as("formats example")
                .isNotNull();
        assertThat(doc.at("/paths/~1api~1v1~1jobs/post/responses/202/content").has("application/json"))
                .isTrue();

        operations(doc).forEach((name, op) -> {
            assertThat(op.path("summary").asText()).as(name).isNotBlank();
            assertThat(op.path("parameters").findValuesAsString("name"))
                    .as(name)
                    .doesNotContain("form");
            assertThat(op.path("responses").propertyNames())
                    .as(name)
                    .anyMatch(c -> c.startsWith("2"))
                    .contains("401");
            op.path("responses").properties().forEach(r -> {
                if (r.getKey().startsWith("4")) {
                    assertThat(r.getValue().path("content").has("application/problem+json"))
                            .as(name + " " + r.getKey())
                            .isTrue();
                }
            });
        });
        assertThat(doc.at("/paths/~1api~1v1~1jobs~1{id}/get/responses").has("404"))
                .isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1jobs/post/responses").has("202")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1jobs/post/responses").has("200")).isFalse();
    }

    @Test
    void everyOperationAnswersWhenCalledWithTheDocumentsExamples() {
        JsonNode doc = JSON.readTree(new Http(base(), null).get("/v3/api-docs").body());
        writeForReview(doc);
        Caller api = new Caller(doc, new Http(base(), "gs_test_admin_key"));

        api.call("post /api/v1/admin/tenants", Map.of(), "application/json");

        // a job that waits (its examples say: not before 2030), is re-prioritised, then run now
        String job = api.call("post /api/v1/jobs", Map.of(), "multipart/form-data")
                .path("id")
                .asText();
        assertThat(api.call("get /api/v1/jobs/{id}", Map.of("id", job), null)
                        .path("status")
                        .asText())
                .isIn("WAITING_FOR_WINDOW", "QUEUED");
        api.call("get /api/v1/jobs", Map.of(), null);
        assertThat(api.call("post /api/v1/jobs/{id}/priority", Map.of("id", job), null)
                        .at("/options/priority")
                        .asInt())
                .isEqualTo(10);
        api.call("post /api/v1/jobs/{id}/run-now", Map.of("id", job), null);
        await().atMost(Duration.ofMinutes(3))
                .until(
                        () -> api.http
                                .get("/api/v1/jobs/" + job)
                                .json()
                                .path("status")
                                .asText(),
                        s -> s.equals("SUCCEEDED") || s.equals("FAILED"));
        assertThat(api.text("get /api/v1/jobs/{id}/transcript", Map.of("id", job)))
                .contains("-->");
        api.call("get /api/v1/transcripts/search", Map.of(), null);
        assertThat(api.call("get /api/v1/jobs/{id}/events", Map.of("id", job), null)
                        .findValuesAsString("to"))
                .contains("SUBMITTED", "RUNNING");
        // the job was submitted without a callbackUrl: the documented 409, not a new round of tries
        api.callExpecting("post /api/v1/jobs/{id}/webhook/redeliver", Map.of("id", job), 409);

        // a server file as JSON: cancelled while it waits, then retried
        String other = api.call("post /api/v1/jobs", Map.of(), "application/json")
                .path("id")
                .asText();
        assertThat(api.call("delete /api/v1/jobs/{id}", Map.of("id", other), null)
                        .path("status")
                        .asText())
                .isEqualTo("CANCELLED");
        api.call("post /api/v1/jobs/{id}/retry", Map.of("id", other), null);

        String batch = api.call("post /api/v1/batches", Map.of(), "multipart/form-data")
                .path("id")
                .asText();
        api.call("post /api/v1/batches", Map.of(), "application/json");
        assertThat(api.call("get /api/v1/batches", Map.of(), null).path("items").findValuesAsString("id"))
                .contains(batch);
        api.call("get /api/v1/batches/{id}", Map.of("id", batch), null);

        String recurring = api.call("post /api/v1/recurring-batches", Map.of(), "application/json")
                .path("id")
                .asText();
        api.call("get /api/v1/recurring-batches", Map.of(), null);
        api.call("get /api/v1/recurring-batches/{id}", Map.of("id", recurring), null);
        api.call("delete /api/v1/recurring-batches/{id}", Map.of("id", recurring), null);

        assertThat(api.call("post /v1/audio/transcriptions", Map.of(), "multipart/form-data")
                        .path("text")
                        .asText())
                .isNotBlank();
        // the translation example names a multilingual model; the clip is English, so is the text
        assertThat(api.call("post /v1/audio/translations", Map.of(), "multipart/form-data")
                        .path("text")
                        .asText())
                .isNotBlank();

        // the tenant's retention defaults, read and set by its admin key
        api.call("get /api/v1/retention", Map.of(), null);
        assertThat(api.call("put /api/v1/retention", Map.of(), "application/json")
                        .path("audioTtl")
                        .asText())
                .isEqualTo("PT24H");

        // and nothing the document describes was left out
        assertThat(api.called)
                .containsExactlyInAnyOrderElementsOf(operations(doc).keySet());
    }

    /** Builds each request from the document, sends it, and holds it to the codes the document declares. */
    static final class Caller {
        final JsonNode doc;
        final Http http;
        final Set<String> called = new LinkedHashSet<>();

        Caller(JsonNode doc, Http http) {
            this.doc = doc;
            this.http = http;
        }

        JsonNode call(String operation, Map<String, String> pathValues, String contentType) {
            Http.Response r = send(operation, pathValues, contentType);
            return r.body().isBlank() ? JSON.nullNode() : r.json();
        }

        private static String filled(String template, Map<String, String> pathValues) {
            String path = template;
            for (Map.Entry<String, String> v : pathValues.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
            }
            return path;
        }

        /** Calls an operation whose example request must get the documented (non-2xx) answer {@code status}. */
        void callExpecting(String operation, Map<String, String> pathValues, int status) {
            String[] key = operation.split(" ", 2);
            JsonNode op = doc.path("paths").path(key[1]).path(key[0]);
            assertThat(op.path("responses").has(String.valueOf(status)))
                    .as("%s documents %d", operation, status)
                    .isTrue();
            String path = filled(key[1], pathValues);
            Http.Response r = "get".equals(key[0]) ? http.get(path) : http.postJson(path, Map.of());
            assertThat(r.status()).as("%s: %s", operation, r.body()).isEqualTo(status);
            called.add(operation);
        }

        String text(String operation, Map<String, String> pathValues) {
            return send(operation, pathValues, null).body();
        }

        private Http.Response send(String operation, Map<String, String> pathValues, String contentType) {
            String[] key = operation.split(" ", 2);
            JsonNode op = doc.path("paths").path(key[1]).path(key[0]);
            assertThat(op.isMissingNode())
                    .as("%s is in the document", operation)
                    .isFalse();
            String path = filled(key[1], pathValues);
            List<String> query = new ArrayList<>();
            for (JsonNode p : op.path("parameters")) {
                JsonNode example = example(p.has("example") ? p : p.path("schema"));
                if ("query".equals(p.path("in").asText()) && example != null) {
                    query.add(p.path("name").asText() + "="
                            + URLEncoder.encode(example.asText(), StandardCharsets.UTF_8));
                }
            }
            String url = query.isEmpty() ? path : path + "?" + String.join("&", query);
            Http.Response r =
                    switch (key[0]) {
                        case "get" -> http.get(url);
                        case "delete" -> http.delete(url);
                        case "put" -> body(op, url, contentType, true);
                        default ->
                            contentType == null ? http.postJson(url, Map.of()) : body(op, url, contentType, false);
                    };
            assertThat(op.path("responses").propertyNames())
                    .as("%s answered %d: %s", operation, r.status(), r.body())
                    .contains(String.valueOf(r.status()));
            assertThat(r.status()).as("%s: %s", operation, r.body()).isBetween(200, 299);
            called.add(operation);
            return r;
        }

        private Http.Response body(JsonNode op, String url, String contentType, boolean put) {
            JsonNode schema = schema(
                    doc,
                    op.path("requestBody").path("content").path(contentType).path("schema"));
            assertThat(schema.isMissingNode())
                    .as("%s takes %s", url, contentType)
                    .isFalse();
            Map<String, Object> fields = new LinkedHashMap<>();
            schema.path("properties").properties().forEach(e -> {
                JsonNode prop = e.getValue();
                boolean binary = "binary".equals(prop.path("format").asText())
                        || "binary".equals(prop.path("items").path("format").asText());
                JsonNode example = example(prop);
                if (binary) {
                    fields.put(e.getKey(), clip);
                } else if (example != null) {
                    fields.put(e.getKey(), contentType.startsWith("multipart") ? formValue(example) : example);
                }
            });
            if (contentType.startsWith("multipart")) {
                return http.postMultipart(url, fields, Map.of());
            }
            return put ? http.putJson(url, fields) : http.postJson(url, fields);
        }

        private static Object formValue(JsonNode example) {
            if (example.isArray()) {
                List<String> values = new ArrayList<>();
                example.forEach(v -> values.add(v.asText()));
                return values;
            }
            return example.asText();
        }
    }

    /** A schema's or parameter's example: {@code example}, or the first of {@code examples}; arrays written as text parsed. */
    static JsonNode example(JsonNode node) {
        JsonNode example = node.has("example")
                ? node.get("example")
                : node.path("examples").isArray() && !node.path("examples").isEmpty()
                        ? node.path("examples").get(0)
                        : null;
        if (example != null && example.isString() && example.asText().startsWith("[")) {
            return JSON.readTree(example.asText());
        }
        return example;
    }

    static JsonNode schema(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : doc.at(ref.substring(1));
    }

    static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        ops.put(method.getKey() + " " + path.getKey(), method.getValue());
                    }
                }));
        return ops;
    }

    /** The document as served, under target/ for a person (or a diff) to read. */
    private static void writeForReview(JsonNode doc) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(
                    Path.of("target/openapi.json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

package io.greenscribe.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for end-to-end tests: JSON in and out, multipart uploads, an API key. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String apiKey;

    public Http(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    public Http withKey(String key) {
        return new Http(base, key);
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response postJson(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response putJson(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A POST of exactly these bytes with this Content-Type (for malformed bodies). */
    public Response postRaw(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart POST: {@code fields} values are strings, or a {@link Path} for a file part. */
    public Response postMultipart(String path, Map<String, ?> fields, Map<String, String> headers) {
        String boundary = "gs" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                List<Object> values =
                        field.getValue() instanceof List<?> list ? new ArrayList<>(list) : List.of(field.getValue());
                for (Object value : values) {
                    body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                    if (value instanceof Path file) {
                        body.write(("Content-Disposition: form-data; name=\"" + field.getKey() + "\"; filename=\""
                                        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                        body.write(Files.readAllBytes(file));
                    } else if (value instanceof byte[] bytes) {
                        body.write(("Content-Disposition: form-data; name=\"" + field.getKey()
                                        + "\"; filename=\"upload.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                        body.write(bytes);
                    } else {
                        body.write(("Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + value)
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(builder::header);
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.greenscribe.worker;

import io.greenscribe.job.JobView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completion notices: the job as JSON, POSTed to the job's callback URL with
 * {@code X-GreenScribe-Signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body))} and
 * {@code X-GreenScribe-Timestamp}; retried with exponential backoff until a 2xx or the last try.
 */
class Webhooks implements AutoCloseable {

    static final String SIGNATURE = "X-GreenScribe-Signature";
    static final String TIMESTAMP = "X-GreenScribe-Timestamp";
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final JsonMapper json;
    private final byte[] secret;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhooks");
        t.setDaemon(true);
        return t;
    });

    Webhooks(JsonMapper json, String secret, Clock clock, int maxAttempts, Duration firstBackoff) {
        this.json = json;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    void send(String url, JobView job) {
        String body = json.writeValueAsString(job);
        retries.execute(() -> attempt(URI.create(url), body, 1));
    }

    private void attempt(URI url, String body, int attempt) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(TIMESTAMP, timestamp)
                    .header(SIGNATURE, "sha256=" + sign(timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return;
            }
            log.info("Webhook {} answered {} (attempt {})", url, status, attempt);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            log.info("Webhook {} failed (attempt {}): {}", url, attempt, e.toString());
        }
        if (attempt < maxAttempts) {
            long delay = firstBackoff.toMillis() << (attempt - 1);
            retries.schedule(() -> attempt(url, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
        } else {
            log.warn("Webhook {} given up after {} attempts", url, attempt);
        }
    }

    String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}

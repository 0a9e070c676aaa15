package io.greenscribe.webhook;

import io.greenscribe.system.GreenScribeException;
import io.greenscribe.webhook.DeliveryAttempt.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completion notices: the job as JSON, POSTed to the job's callback URL with
 * {@code X-GreenScribe-Signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body))} and
 * {@code X-GreenScribe-Timestamp}; retried with exponential backoff until a 2xx or the last try.
 * Each try checks the destination against the {@link EgressPolicy} and connects only to the
 * addresses it checked; redirects are not followed. Every try is recorded in the {@link DeliveryLog}.
 */
public class Webhooks implements AutoCloseable {

    static final String SIGNATURE = "X-GreenScribe-Signature";
    static final String TIMESTAMP = "X-GreenScribe-Timestamp";
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final JsonMapper json;
    private final byte[] secret;
    private final Clock clock;
    private final WebhookProperties properties;
    private final EgressPolicy policy;
    private final DeliveryLog deliveries;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhooks");
        t.setDaemon(true);
        return t;
    });

    public Webhooks(
            JsonMapper json,
            String secret,
            Clock clock,
            WebhookProperties properties,
            EgressPolicy policy,
            DeliveryLog deliveries) {
        this.json = json;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.properties = properties;
        this.policy = policy;
        this.deliveries = deliveries;
    }

    /**
     * Sends the job's notice in the background: up to {@code max-attempts} tries from now.
     *
     * @param payload the notice, written as JSON (the job as its API shows it)
     */
    public void send(UUID jobId, String url, Object payload) {
        String body = json.writeValueAsString(payload);
        try {
            retries.execute(() -> {
                int first = deliveries.lastAttempt(jobId) + 1;
                attempt(jobId, url, body, first, first + properties.maxAttempts() - 1);
            });
        } catch (RejectedExecutionException e) {
            log.warn("Webhook for job {} not sent: shutting down", jobId);
        }
    }

    private void attempt(UUID jobId, String url, String body, int attempt, int last) {
        EgressPolicy.Destination destination;
        try {
            destination = policy.check(URI.create(url));
        } catch (GreenScribeException | IllegalArgumentException e) {
            log.warn("Webhook for job {} refused: {}", jobId, e.getMessage());
            record(jobId, attempt, url, null, Outcome.REFUSED, e.getMessage());
            return;
        }
        Integer status = null;
        String error;
        try {
            status = post(destination, body);
            if (status / 100 == 2) {
                record(jobId, attempt, url, status, Outcome.DELIVERED, null);
                return;
            }
            error = status / 100 == 3 ? "answered " + status + "; redirects are not followed" : "answered " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            error = e.toString();
        }
        boolean more = attempt < last;
        log.info("Webhook for job {} to {} failed (attempt {}): {}", jobId, url, attempt, error);
        record(jobId, attempt, url, status, more ? Outcome.FAILED : Outcome.GAVE_UP, error);
        if (more) {
            long delay = properties.firstBackoff().toMillis()
                    << Math.min(20, attempt - (last - properties.maxAttempts() + 1));
            try {
                retries.schedule(() -> attempt(jobId, url, body, attempt + 1, last), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down: a manual redelivery can send it later
            }
        } else {
            log.warn("Webhook for job {} given up after attempt {}", jobId, attempt);
        }
    }

    private int post(EgressPolicy.Destination destination, String body) throws IOException {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String host = destination.url().getHost();
        InetAddress[] pinned = destination.addresses().toArray(InetAddress[]::new);
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) throws UnknownHostException {
                if (!name.equalsIgnoreCase(host) && !name.equalsIgnoreCase(strip(host))) {
                    throw new UnknownHostException(name + " was not checked by the egress policy");
                }
                return pinned;
            }

            @Override
            public String resolveCanonicalHostname(String name) {
                return name;
            }
        };
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .setSocketTimeout(Timeout.of(properties.responseTimeout()))
                .build();
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(properties.responseTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build()) {
            HttpPost post = new HttpPost(destination.url());
            post.setHeader(TIMESTAMP, timestamp);
            post.setHeader(SIGNATURE, "sha256=" + sign(timestamp + "." + body));
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            return http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        }
    }

    private static String strip(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private void record(UUID jobId, int attempt, String url, Integer status, Outcome outcome, String error) {
        try {
            deliveries.record(jobId, new DeliveryAttempt(attempt, clock.instant(), url, status, outcome, error));
        } catch (RuntimeException e) {
            log.warn("Could not record webhook attempt {} of job {}: {}", attempt, jobId, e.toString());
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

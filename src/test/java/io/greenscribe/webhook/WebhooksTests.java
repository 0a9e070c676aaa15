package io.greenscribe.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.greenscribe.webhook.DeliveryAttempt.Outcome;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Webhook delivery against a receiver on 127.0.0.1: refused by default, delivered once an operator allows it. */
class WebhooksTests {

    private final AtomicInteger hooks = new AtomicInteger();
    private final AtomicInteger redirectTargetHits = new AtomicInteger();
    private final InMemoryLog log = new InMemoryLog();
    private HttpServer receiver;
    private Webhooks webhooks;

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hooks.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/target");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.createContext("/target", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        if (webhooks != null) {
            webhooks.close();
        }
        receiver.stop(0);
    }

    @Test
    void aLoopbackReceiverIsRefusedByDefaultAndNothingIsSent() {
        webhooks = webhooks(WebhookProperties.defaults());
        UUID job = UUID.randomUUID();

        webhooks.send(job, "https://127.0.0.1:" + port() + "/hook", null);

        await().atMost(Duration.ofSeconds(10)).until(() -> !log.attempts(job).isEmpty());
        DeliveryAttempt refused = log.attempts(job).get(0);
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.error()).contains("loopback");
        assertThat(hooks).hasValue(0);
    }

    @Test
    void whenTheOperatorAllowsLoopbackTheNoticeIsDeliveredAndRecorded() {
        webhooks = webhooks(allowingLoopback());
        UUID job = UUID.randomUUID();

        webhooks.send(job, "http://127.0.0.1:" + port() + "/hook", null);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> hooks.get() == 1 && !log.attempts(job).isEmpty());
        assertThat(log.attempts(job)).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(a.httpStatus()).isEqualTo(204);
            assertThat(a.attempt()).isEqualTo(1);
        });

        // a redelivery counts on from there
        webhooks.send(job, "http://127.0.0.1:" + port() + "/hook", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> log.attempts(job).size() == 2);
        assertThat(log.attempts(job).get(1).attempt()).isEqualTo(2);
    }

    @Test
    void redirectsAreNotFollowed() {
        webhooks = webhooks(allowingLoopback());
        UUID job = UUID.randomUUID();

        webhooks.send(job, "http://127.0.0.1:" + port() + "/moved", null);

        // three tries (max-attempts), each answered 302, none followed
        await().atMost(Duration.ofSeconds(10)).until(() -> log.attempts(job).size() == 3);
        assertThat(log.attempts(job))
                .extracting(DeliveryAttempt::outcome)
                .containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.GAVE_UP);
        assertThat(log.attempts(job).get(2).error()).contains("redirects are not followed");
        assertThat(redirectTargetHits).hasValue(0);
    }

    private Webhooks webhooks(WebhookProperties properties) {
        // the resolver is never asked: every URL here names an address
        EgressPolicy policy = new EgressPolicy(properties, List.of(), host -> {
            throw new AssertionError("no name lookups in this test: " + host);
        });
        return new Webhooks(JsonMapper.builder().build(), "secret", Clock.systemUTC(), properties, policy, log);
    }

    private static WebhookProperties allowingLoopback() {
        return new WebhookProperties(
                true, List.of("127.0.0.1/32"), 3, Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    private static final class InMemoryLog implements DeliveryLog {
        private final Map<UUID, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();

        @Override
        public void record(UUID jobId, DeliveryAttempt attempt) {
            attempts.computeIfAbsent(jobId, k -> new CopyOnWriteArrayList<>()).add(attempt);
        }

        @Override
        public List<DeliveryAttempt> attempts(UUID jobId) {
            return List.copyOf(attempts.getOrDefault(jobId, List.of()));
        }
    }
}

package io.greenscribe.carbon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server playing a carbon feed: per path prefix a script of answers, the last of
 * which repeats. A "hang" answer holds the connection until the server closes, to provoke timeouts.
 */
public final class MockFeedServer implements AutoCloseable {

    /** One scripted answer. */
    public record Answer(int status, String body, Map<String, String> headers, boolean hangs) {
        public static Answer ok(String body) {
            return new Answer(200, body, Map.of(), false);
        }

        public static Answer status(int status) {
            return new Answer(status, "{\"error\":\"scripted\"}", Map.of(), false);
        }

        public static Answer tooManyRequests(String retryAfter) {
            return new Answer(429, "{\"error\":\"rate limited\"}", Map.of("Retry-After", retryAfter), false);
        }

        public static Answer silence() {
            return new Answer(200, "", Map.of(), true);
        }
    }

    /** What the client sent. */
    public record Request(String path, String query, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private MockFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static MockFeedServer start() {
        try {
            return new MockFeedServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public MockFeedServer on(String pathPrefix, Answer... answers) {
        scripts.put(pathPrefix, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(path, ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders())));
        Answer answer = next(path);
        if (answer.hangs()) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private Answer next(String path) {
        String key = scripts.keySet().stream()
                .filter(path::startsWith)
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .orElse(null);
        if (key == null) {
            return new Answer(404, "{\"error\":\"no script for " + path + "\"}", Map.of(), false);
        }
        Deque<Answer> script = scripts.get(key);
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    /** The text of a test resource, e.g. {@code carbon/ukgrid-fw48h.json}. */
    public static String resource(String name) {
        try (InputStream in = MockFeedServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

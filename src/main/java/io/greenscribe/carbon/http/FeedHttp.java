package io.greenscribe.carbon.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonFeedException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;

/**
 * GET-and-parse for one feed: every failure becomes a {@link CarbonFeedException} of the right
 * kind, and HTTP 429 is retried after the server's {@code Retry-After}, but only within
 * {@link FeedHttpSettings#maxRetryAfter()} and {@link FeedHttpSettings#maxAttempts()}.
 */
@RequiredArgsConstructor
public final class FeedHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    private final HttpClient client;
    private final String source;
    private final FeedHttpSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;

    public String source() {
        return source;
    }

    /** GET {@code uri} with {@code headers}; returns the parsed JSON body of a 2xx answer. */
    public JsonNode getJson(URI uri, Map<String, String> headers) {
        String body = get(uri, headers);
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed("empty body from " + uri.getPath());
            }
            return node;
        } catch (IOException e) {
            throw new CarbonFeedException(Kind.MALFORMED, source, "body of " + uri.getPath() + " is not JSON", e);
        }
    }

    public CarbonFeedException malformed(String message) {
        return new CarbonFeedException(Kind.MALFORMED, source, message);
    }

    private String get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response.body();
            }
            if (status == 429) {
                Duration wait = retryAfter(response).orElse(DEFAULT_BACKOFF.multipliedBy(attempt));
                if (attempt >= settings.maxAttempts() || wait.compareTo(settings.maxRetryAfter()) > 0) {
                    throw new CarbonFeedException(
                            Kind.RATE_LIMITED,
                            source,
                            "HTTP 429 from " + uri.getPath() + " after " + attempt
                                    + " attempt(s); server asked to wait " + wait.toSeconds() + " s");
                }
                pause(wait);
                continue;
            }
            Kind kind = status == 401 || status == 403 ? Kind.UNAUTHORIZED : Kind.HTTP_ERROR;
            throw new CarbonFeedException(kind, source, "HTTP " + status + " from " + uri.getPath());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new CarbonFeedException(
                    Kind.TIMEOUT,
                    source,
                    "no answer from " + request.uri().getPath() + " within " + settings.requestTimeout(),
                    e);
        } catch (IOException e) {
            throw new CarbonFeedException(
                    Kind.UNAVAILABLE, source, "cannot reach " + request.uri().getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarbonFeedException(
                    Kind.UNAVAILABLE,
                    source,
                    "interrupted while calling " + request.uri().getPath(),
                    e);
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarbonFeedException(Kind.RATE_LIMITED, source, "interrupted while waiting out HTTP 429", e);
        }
    }

    /** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** Waits out a Retry-After; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper threadSleep() {
            return d -> Thread.sleep(d.toMillis());
        }
    }
}

package io.greenscribe.carbon.http;

import java.time.Duration;

/**
 * Limits for one feed's HTTP calls.
 *
 * @param requestTimeout how long one request may take
 * @param maxAttempts attempts in all when the server answers 429 (1 means no retry)
 * @param maxRetryAfter the longest Retry-After we wait out; a longer one fails at once
 */
public record FeedHttpSettings(Duration requestTimeout, int maxAttempts, Duration maxRetryAfter) {

    public FeedHttpSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
    }

    public static FeedHttpSettings defaults() {
        return new FeedHttpSettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(30));
    }
}

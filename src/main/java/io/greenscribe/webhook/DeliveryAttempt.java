package io.greenscribe.webhook;

import java.time.Instant;

/**
 * One try at delivering a job's completion webhook.
 *
 * @param attempt 1 for the first try of the job's notices, counting on across manual redeliveries
 * @param at when it was tried
 * @param url where it went
 * @param httpStatus what the receiver answered, or {@code null} when it did not answer
 * @param outcome how it ended
 * @param error why it failed, in words, or {@code null}
 */
public record DeliveryAttempt(int attempt, Instant at, String url, Integer httpStatus, Outcome outcome, String error) {

    public enum Outcome {
        /** the receiver answered 2xx */
        DELIVERED,
        /** no 2xx; it will be tried again */
        FAILED,
        /** no 2xx on the last try; only a manual redelivery sends it again */
        GAVE_UP,
        /** the destination is not allowed (egress policy); not tried */
        REFUSED;

        public boolean finalFailure() {
            return this == GAVE_UP || this == REFUSED;
        }
    }
}

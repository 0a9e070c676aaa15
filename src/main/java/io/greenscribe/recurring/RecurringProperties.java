package io.greenscribe.recurring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance turns recurring batches into batches.
 *
 * @param enabled whether this instance looks for opened occurrence windows on its own timer; the
 *     API works either way, and any number of instances may poll the same database
 * @param pollInterval how often to look; an occurrence is created at most this long after its window opens
 */
@ConfigurationProperties("greenscribe.recurring")
public record RecurringProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration pollInterval) {

    public RecurringProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("greenscribe.recurring.poll-interval must be positive");
        }
    }
}

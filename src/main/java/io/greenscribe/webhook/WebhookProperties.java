package io.greenscribe.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where completion webhooks may go and how hard delivery tries.
 *
 * @param allowHttp also allow plain {@code http://} callback URLs (https only by default)
 * @param allowedAddresses address ranges (CIDR, e.g. {@code 10.1.2.0/24} or {@code 127.0.0.1/32})
 *     that webhooks may reach although they are loopback, private, link-local or otherwise not public;
 *     empty: public unicast addresses only
 * @param maxAttempts deliveries tried before giving up (the first plus retries)
 * @param firstBackoff wait before the first retry; doubled for each next one
 * @param connectTimeout longest wait for the receiver to accept the connection
 * @param responseTimeout longest wait for its answer
 */
@ConfigurationProperties("greenscribe.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue List<String> allowedAddresses,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("1s") Duration firstBackoff,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout) {

    public WebhookProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("greenscribe.webhooks.max-attempts must be at least 1");
        }
        allowedAddresses.forEach(AddressRange::parse); // a typo fails the start, not the first delivery
    }

    /** The defaults: https, public addresses only. */
    public static WebhookProperties defaults() {
        return new WebhookProperties(
                false, List.of(), 6, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}

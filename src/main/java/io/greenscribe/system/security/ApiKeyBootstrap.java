package io.greenscribe.system.security;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Makes sure the first tenant exists. A configured bootstrap key is always accepted; without one,
 * a random admin key is generated at first start and printed once.
 */
@Component
@EnableConfigurationProperties(SecurityProperties.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class ApiKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyBootstrap.class);

    private final ApiKeys keys;
    private final SecurityProperties properties;
    private final CredentialsFile credentials;

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.bootstrapKey();
        boolean firstStart = !keys.anyKeys();
        UUID tenant = keys.tenant(properties.bootstrapTenant()).orElse(null);
        if (tenant == null && (firstStart || hasText(configured))) {
            try {
                IssuedKey issued = keys.createTenant(properties.bootstrapTenant(), true);
                tenant = issued.tenantId();
                if (!hasText(configured)) {
                    boolean kept = credentials.write("admin_api_key", issued.apiKey());
                    log.warn(
                            "First start: admin API key for tenant '{}' (stored hashed{}): {}",
                            issued.tenantName(),
                            kept ? "; also in " + credentials.path() + ", owner-only" : "",
                            issued.apiKey());
                }
            } catch (DuplicateKeyException e) {
                // instances sharing a fresh database start together: one creates the tenant, the
                // others find it instead of failing their start-up
                tenant = keys.tenant(properties.bootstrapTenant()).orElseThrow(() -> e);
            }
        }
        if (hasText(configured) && tenant != null) {
            keys.addKey(tenant, configured, true);
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}

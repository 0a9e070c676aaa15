package io.greenscribe.system.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys and the first tenant.
 *
 * @param bootstrapTenant name of the tenant created at first start
 * @param bootstrapKey admin key for that tenant; when empty a random key is generated at first
 *     start and printed once (only its hash is stored)
 */
@ConfigurationProperties("greenscribe.security")
record SecurityProperties(@DefaultValue("default") String bootstrapTenant, String bootstrapKey) {}

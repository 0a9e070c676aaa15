package io.greenscribe.system.security;

import java.util.UUID;

/**
 * A freshly created API key: the only moment the plain key exists outside the client.
 *
 * @param tenantId the tenant it authenticates as
 * @param tenantName the tenant's name
 * @param apiKey the key to send as {@code Authorization: Bearer …}; only its hash is stored
 * @param admin whether it carries the admin role
 */
public record IssuedKey(UUID tenantId, String tenantName, String apiKey, boolean admin) {}

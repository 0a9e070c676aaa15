package io.greenscribe.system.security;

import java.util.UUID;

/**
 * Who is calling: the tenant an API key belongs to. Controllers receive it as the authenticated
 * principal and pass the tenant id down, so every query is scoped to it.
 *
 * @param tenantId the tenant every read and write is limited to
 * @param tenantName the tenant's name, for logs and the console
 * @param admin whether the key carries the admin role (console, tenant management)
 */
public record Caller(UUID tenantId, String tenantName, boolean admin) {}

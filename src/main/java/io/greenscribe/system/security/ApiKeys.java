package io.greenscribe.system.security;

import io.greenscribe.system.ConflictException;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.system.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenants and their API keys. Keys are 256 random bits, so a plain SHA-256 is a safe way to store
 * them (a slow password hash guards low-entropy secrets, which these are not) and lets a request
 * be authenticated with one indexed lookup.
 */
@Component
@RequiredArgsConstructor
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    /** The caller a key belongs to, or empty for an unknown or revoked key. */
    public Optional<Caller> authenticate(String apiKey) {
        return jdbc.sql("""
                        select t.id, t.name, k.role from api_key k join tenant t on t.id = k.tenant_id
                        where k.key_hash = ? and k.revoked_at is null""")
                .param(hash(apiKey))
                .query((rs, n) ->
                        new Caller(rs.getObject(1, UUID.class), rs.getString(2), "ADMIN".equals(rs.getString(3))))
                .optional();
    }

    /** Creates a tenant with one key; the plain key is returned here and never again. */
    @Transactional
    public IssuedKey createTenant(String name, boolean admin) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new GreenScribeException("Tenant name must be 1-64 letters, digits, '.', '_' or '-'.");
        }
        if (tenant(name).isPresent()) {
            throw new ConflictException("Tenant '" + name + "' already exists.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into tenant (id, name, created_at) values (?, ?, ?)")
                .params(id, name, java.sql.Timestamp.from(clock.instant()))
                .update();
        String key = newKey();
        addKey(id, key, admin);
        return new IssuedKey(id, name, key, admin);
    }

    /** Registers a given key for a tenant (the configured bootstrap key); no-op when already stored. */
    @Transactional
    public void addKey(UUID tenantId, String key, boolean admin) {
        jdbc.sql("""
                        insert into api_key (id, tenant_id, key_hash, key_prefix, role, created_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (key_hash) do nothing""")
                .params(
                        UUID.randomUUID(),
                        tenantId,
                        hash(key),
                        key.substring(0, Math.min(8, key.length())),
                        admin ? "ADMIN" : "USER",
                        java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * One stored key, without its secret.
     *
     * @param id the key's id
     * @param prefix its first characters, to tell keys apart
     * @param admin whether it carries the admin role
     * @param createdAt when it was issued
     * @param revokedAt when it was revoked, or {@code null} while it works
     */
    public record KeyInfo(UUID id, String prefix, boolean admin, Instant createdAt, Instant revokedAt) {}

    /** The tenant's keys, newest first, revoked ones included. */
    public List<KeyInfo> keys(UUID tenantId) {
        return jdbc.sql("""
                        select id, key_prefix, role, created_at, revoked_at from api_key
                        where tenant_id = ? order by created_at desc, key_prefix""")
                .param(tenantId)
                .query((rs, n) -> new KeyInfo(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        "ADMIN".equals(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** A new key for an existing tenant; the plain key is returned here and never again. */
    @Transactional
    public IssuedKey issue(UUID tenantId, boolean admin) {
        String name = jdbc.sql("select name from tenant where id = ?")
                .param(tenantId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Tenant " + tenantId + " not found."));
        String key = newKey();
        addKey(tenantId, key, admin);
        return new IssuedKey(tenantId, name, key, admin);
    }

    /** Revokes one of the tenant's keys: requests with it are refused from now on. False when it was not live. */
    public boolean revoke(UUID tenantId, UUID keyId) {
        return jdbc.sql("update api_key set revoked_at = ? where id = ? and tenant_id = ? and revoked_at is null")
                        .params(java.sql.Timestamp.from(clock.instant()), keyId, tenantId)
                        .update()
                == 1;
    }

    public Optional<UUID> tenant(String name) {
        return jdbc.sql("select id from tenant where name = ?")
                .param(name)
                .query(UUID.class)
                .optional();
    }

    boolean anyKeys() {
        return jdbc.sql("select exists (select 1 from api_key)")
                .query(Boolean.class)
                .single();
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "gs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

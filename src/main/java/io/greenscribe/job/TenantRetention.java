package io.greenscribe.job;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A tenant's retention defaults, on its {@code tenant} row; unset ones defer to the server's. */
@RequiredArgsConstructor
class TenantRetention {

    private final JdbcClient jdbc;

    Retention of(UUID tenant) {
        return jdbc.sql("select audio_ttl_seconds, transcript_ttl_seconds from tenant where id = ?")
                .param(tenant)
                .query((rs, n) -> new Retention(
                        Retention.ofSeconds((Long) rs.getObject(1)), Retention.ofSeconds((Long) rs.getObject(2))))
                .optional()
                .orElse(Retention.UNSET);
    }

    void set(UUID tenant, Retention retention) {
        jdbc.sql("update tenant set audio_ttl_seconds = ?, transcript_ttl_seconds = ? where id = ?")
                .params(Retention.seconds(retention.audioTtl()), Retention.seconds(retention.transcriptTtl()), tenant)
                .update();
    }
}

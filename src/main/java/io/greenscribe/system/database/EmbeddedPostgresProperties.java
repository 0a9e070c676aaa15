package io.greenscribe.system.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL the server starts for itself when no {@code spring.datasource.url} is configured.
 *
 * @param enabled start an embedded PostgreSQL when no datasource URL is set
 * @param dataDirectory where its data lives; kept across restarts (initialised only when empty)
 * @param port TCP port on loopback; 0 picks a free one at each start
 * @param poolSize connections the server's pool keeps to it at most (see docs/deploy.md, "Database
 *     connections")
 */
@ConfigurationProperties("greenscribe.database.embedded")
record EmbeddedPostgresProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("20") int poolSize) {}

package io.greenscribe.system.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no datasource configured the server runs on a real PostgreSQL of its own: the binaries come
 * from a Maven artifact, the data directory is a local folder that survives restarts. Setting
 * {@code SPRING_DATASOURCE_URL} (or {@code greenscribe.database.embedded.enabled=false}) turns this off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Files.createDirectories(properties.dataDirectory());
        StalePostmaster.clear(properties.dataDirectory());
        DatabaseSecret secret = DatabaseSecret.of(properties.dataDirectory());
        EmbeddedPostgres postgres =
                builder(properties, secret, properties.port()).start();
        try {
            LoopbackPasswordAccess.enforce(postgres, properties.dataDirectory(), secret);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        log.info(
                "Embedded PostgreSQL on port {} with data in {}",
                postgres.getPort(),
                properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    /** Restarts the postmaster if it dies (kill -9, OOM killer); the pool reconnects to the same port. */
    @Bean(destroyMethod = "close")
    PostmasterWatchdog postmasterWatchdog(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties)
            throws IOException {
        DatabaseSecret secret = DatabaseSecret.of(properties.dataDirectory());
        return new PostmasterWatchdog(
                postgres, properties.dataDirectory(), () -> builder(properties, secret, postgres.getPort())
                        .start());
    }

    static EmbeddedPostgres.Builder builder(EmbeddedPostgresProperties properties, DatabaseSecret secret, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory().toAbsolutePath().toFile())
                .setCleanDataDirectory(false)
                // Spring stops it (destroyMethod) after the queue and the pool are done with it. Its own
                // JVM hook ran beside Spring's and stopped the database under a graceful shutdown, so
                // running jobs could not be handed back.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                // a real database, not the library's test defaults: it passes -F (fsync off) and
                // synchronous_commit=off; -c options come after -F and win
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                // the library checks readiness by connecting; it needs the password too
                .setConnectConfig("password", secret.value());
        LoopbackPasswordAccess.initdbOptions(builder, secret);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties, PostmasterWatchdog watchdog)
            throws IOException {
        // the watchdog is a dependency so that it is closed after the pool, and the database with it
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPassword(DatabaseSecret.of(properties.dataDirectory()).value());
        pool.setMaximumPoolSize(properties.poolSize());
        pool.setPoolName("embedded-postgres");
        return pool;
    }
}

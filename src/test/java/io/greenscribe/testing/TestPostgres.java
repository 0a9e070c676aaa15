package io.greenscribe.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.testcontainers.DockerClientFactory;

/**
 * The real PostgreSQL the integration tests share: a Testcontainers container where a Docker
 * engine runs, else the same embedded binaries the server uses. Started once per JVM.
 */
public final class TestPostgres {

    private static EmbeddedPostgres embedded;

    private TestPostgres() {}

    private static Boolean docker;

    public static synchronized boolean dockerAvailable() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                docker = false;
            }
        }
        return docker;
    }

    /** The shared embedded server (used when no Docker engine runs, and by tests that start app processes). */
    public static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(
                                Files.createTempDirectory("greenscribe-test-pg").toFile())
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return embedded;
    }

    public static String embeddedJdbcUrl() {
        return embedded().getJdbcUrl("postgres", "postgres");
    }

    /**
     * A new, empty database on the shared server, so that each application context (each with its
     * own queue workers) sees only its own jobs.
     */
    public static String freshDatabase() {
        String name =
                "gs_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (java.sql.Connection c = embedded().getPostgresDatabase().getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return embedded().getJdbcUrl("postgres", name);
    }
}

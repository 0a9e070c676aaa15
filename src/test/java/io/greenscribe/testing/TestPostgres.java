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

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** The shared embedded server (used when no Docker engine runs, and by tests that start app processes). */
    public static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("greenscribe-test-pg").toFile())
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
}

package io.greenscribe.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.GreenScribeApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With no datasource configured the server runs its own PostgreSQL, whose data outlives a restart. */
class EmbeddedPostgresIntegrationTests {

    @Test
    void withoutADatasourceTheServerRunsItsOwnPostgresAndKeepsItsDataAcrossRestarts(@TempDir Path data)
            throws Exception {
        // given a first start on an empty data directory
        UUID tenant;
        try (ConfigurableApplicationContext first = start(data)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select version()").query(String.class).single())
                    .startsWith("PostgreSQL");
            tenant = jdbc.sql("select id from tenant where name = 'default'")
                    .query(UUID.class)
                    .single();
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        // when the lock file of a killed run is left behind, and the server starts again
        Files.writeString(data.resolve("postmaster.pid"), "999999\n" + data + "\n");
        try (ConfigurableApplicationContext second = start(data)) {
            // then the bootstrap tenant of the first run is still there, and the schema was not re-created
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select id from tenant where name = 'default'")
                            .query(UUID.class)
                            .single())
                    .isEqualTo(tenant);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                            .query(Integer.class)
                            .single())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theEmbeddedDefaultIsDurableAndAsksForThePassword(@TempDir Path parent) throws Exception {
        Path data = parent.resolve("postgres");
        try (ConfigurableApplicationContext app = start(data)) {
            // durable: fsync, synchronous commit and full page writes on, as a production server
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Map<String, String> settings = Map.of(
                    "fsync",
                    "on",
                    "synchronous_commit",
                    "on",
                    "full_page_writes",
                    "on",
                    "listen_addresses",
                    "localhost",
                    "unix_socket_directories",
                    "",
                    "password_encryption",
                    "scram-sha-256");
            settings.forEach((name, value) -> assertThat(
                            jdbc.sql("show " + name).query(String.class).single())
                    .as(name)
                    .isEqualTo(value));
            assertThat(jdbc.sql("select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'")
                            .query(Integer.class)
                            .single())
                    .isZero();

            // the secret is the server user's alone, inside the data directory
            Path secret = data.resolve("greenscribe-db.secret");
            assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(parent.resolve("postgres.greenscribe-db.secret")).doesNotExist();

            // and without it (or with another) a connection is refused
            String url = app.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (var c = DriverManager.getConnection(
                    url, "postgres", Files.readString(secret).strip())) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void aKilledPostmasterIsStartedAgainAndNothingCommittedIsLost(@TempDir Path parent) throws Exception {
        Path data = parent.resolve("postgres");
        try (ConfigurableApplicationContext app = start(data)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            UUID tenant = jdbc.sql("select id from tenant where name = 'default'")
                    .query(UUID.class)
                    .single();

            // when the postmaster is killed with SIGKILL (its backends go with it)
            long pid = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !postmaster.isAlive());

            // then it is started again by itself, the pool reconnects, and the committed rows are there
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofMinutes(2))
                    .ignoreExceptions()
                    .until(
                            () -> jdbc.sql("select id from tenant where name = 'default'")
                                    .query(UUID.class)
                                    .single(),
                            tenant::equals);
            // the watchdog counts a restart once its start returned, which the pool may beat by a moment
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> app.getBean(PostmasterWatchdog.class).restarts() >= 1);
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        }
    }

    @Test
    void aClusterCreatedWithTrustIsConvertedToPasswordsOnItsNextStart(@TempDir Path parent) throws Exception {
        // given a data directory initialised the way the library does by default (trust on loopback)
        Path data = parent.resolve("postgres");
        EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()
                .close();
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");

        // when the server starts on it
        try (ConfigurableApplicationContext app = start(data)) {
            // then it keeps working with the new secret, and the old password-less way in is closed
            assertThat(app.getBean(JdbcClient.class)
                            .sql("select 1")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            String url = app.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThat(data.resolve("greenscribe-db.secret")).exists();
        }
        try (ConfigurableApplicationContext again = start(data)) {
            assertThat(again.getBean(JdbcClient.class)
                            .sql("select 1")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(GreenScribeApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--greenscribe.database.embedded.enabled=true",
                        "--greenscribe.database.embedded.data-directory=" + data,
                        "--greenscribe.queue.enabled=false",
                        "--spring.jmx.enabled=false");
    }
}

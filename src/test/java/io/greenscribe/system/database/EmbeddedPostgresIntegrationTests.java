package io.greenscribe.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.GreenScribeApplication;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void withoutADatasourceTheServerRunsItsOwnPostgresAndKeepsItsDataAcrossRestarts(@TempDir Path data) throws Exception {
        // given a first start on an empty data directory
        UUID tenant;
        try (ConfigurableApplicationContext first = start(data)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
            tenant = jdbc.sql("select id from tenant where name = 'default'").query(UUID.class).single();
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        // when the lock file of a killed run is left behind, and the server starts again
        Files.writeString(data.resolve("postmaster.pid"), "999999\n" + data + "\n");
        try (ConfigurableApplicationContext second = start(data)) {
            // then the bootstrap tenant of the first run is still there, and the schema was not re-created
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select id from tenant where name = 'default'").query(UUID.class).single()).isEqualTo(tenant);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(GreenScribeApplication.class).web(WebApplicationType.NONE).run(
                "--greenscribe.database.embedded.enabled=true",
                "--greenscribe.database.embedded.data-directory=" + data,
                "--greenscribe.queue.enabled=false",
                "--spring.jmx.enabled=false");
    }
}

package io.greenscribe.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscribe.GreenScribeApplication;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two server instances on one database share 50 jobs; every job runs exactly once. */
class TwoInstancesIntegrationTests {

    @Test
    void twoInstancesProcessFiftyJobsAndNoJobRunsTwice() {
        Models.require("whisper-tiny.en");
        String url = TestPostgres.freshDatabase();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        JdbcClient db = JdbcClient.create(ds);

        // given two instances on the same database, each running two jobs at a time
        try (ConfigurableApplicationContext a = instance("a", url);
                ConfigurableApplicationContext b = instance("b", url)) {
            List<Http> apis = List.of(api(a), api(b));

            // when 50 jobs are submitted, alternating between the instances
            List<String> locations = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Http.Response r = apis.get(i % 2)
                        .postMultipart(
                                "/api/v1/jobs",
                                Map.of("file", SharedData.speech("en-short/audio/LJ001-0002.flac")),
                                Map.of());
                assertThat(r.status()).isEqualTo(202);
                locations.add(r.header("Location"));
            }

            // then all of them finish, and succeed
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> db.sql(
                                            "select count(*) from transcription_job where status in ('SUCCEEDED', 'FAILED')")
                                    .query(Long.class)
                                    .single(),
                            n -> n == 50);
            assertThat(db.sql(
                                    "select coalesce(string_agg(error, ' | '), '') from transcription_job where status = 'FAILED'")
                            .query(String.class)
                            .single())
                    .isEmpty();
        }

        // and each was claimed once, ran one Spring Batch execution and recognized its window once
        assertThat(db.sql("select count(*) from transcription_job where attempts <> 1")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(db.sql("select count(*) from batch_job_execution")
                        .query(Long.class)
                        .single())
                .isEqualTo(50);
        assertThat(db.sql("select count(*) from job_window where attempts <> 1 or status <> 'DONE'")
                        .query(Long.class)
                        .single())
                .isZero();
        // and both instances did part of the work
        assertThat(db.sql("select distinct recognized_by from job_window")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("a", "b");
    }

    private static ConfigurableApplicationContext instance(String name, String url) {
        return new SpringApplicationBuilder(GreenScribeApplication.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--server.port=0",
                        "--greenscribe.queue.worker-id=" + name,
                        "--greenscribe.queue.concurrent-jobs=2",
                        "--greenscribe.queue.poll-interval=100ms",
                        "--greenscribe.pipeline.grid-size=1",
                        "--spring.jmx.enabled=false");
    }

    private static Http api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Http("http://localhost:" + port, "gs_test_admin_key");
    }
}

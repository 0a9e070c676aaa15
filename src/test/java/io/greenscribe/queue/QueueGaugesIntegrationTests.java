package io.greenscribe.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.testing.MutableClock;
import io.greenscribe.testing.SettableClockConfiguration;
import io.greenscribe.testing.TestDatabaseConfiguration;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The autoscaling gauges, read as Prometheus text from a real queue on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "greenscribe.queue.enabled=false")
@Import({TestDatabaseConfiguration.class, SettableClockConfiguration.class})
class QueueGaugesIntegrationTests {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    @Autowired
    JobQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock time;

    UUID tenant;
    PrometheusMeterRegistry prometheus;

    @BeforeEach
    void freshQueueAndRegistry() {
        jdbc.sql("delete from transcription_job").update();
        tenant = UUID.randomUUID();
        jdbc.sql("insert into tenant (id, name, created_at) values (?, ?, now())")
                .params(tenant, "t-" + tenant)
                .update();
        prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new QueueGauges(queue, time, new QueueGaugeProperties(REFRESH, Duration.ofMinutes(10))).bindTo(prometheus);
    }

    @Test
    void anEmptyQueueReportsZeroForEveryState() {
        String scrape = prometheus.scrape();

        assertThat(scrape)
                .contains(
                        "greenscribe_jobs{device=\"any\",state=\"queued\"} 0.0",
                        "greenscribe_jobs{device=\"any\",state=\"waiting\"} 0.0",
                        "greenscribe_jobs{device=\"any\",state=\"running\"} 0.0",
                        "greenscribe_oldest_queued_job_age_seconds 0.0",
                        "greenscribe_jobs_starting_soon 0.0");
    }

    @Test
    void countsQueuedWaitingAndRunningJobsTheOldestQueuedAgeAndPlannedStartsWithinTheLead() {
        // given two queued jobs (the older one queued 90 s ago), a running one on cuda, one done,
        // and two waiting: one planned in 5 minutes, one in 3 hours
        Instant now = time.instant();
        job("QUEUED", now.minusSeconds(90), null);
        job("QUEUED", now.minusSeconds(10), null);
        job("RUNNING", now.minusSeconds(300), "cuda");
        job("SUCCEEDED", now.minusSeconds(900), "cuda");
        job("WAITING_FOR_WINDOW", now.plus(Duration.ofMinutes(5)), null);
        job("WAITING_FOR_WINDOW", now.plus(Duration.ofHours(3)), null);

        String scrape = prometheus.scrape();

        assertThat(scrape)
                .contains(
                        "greenscribe_jobs{device=\"any\",state=\"queued\"} 2.0",
                        "greenscribe_jobs{device=\"any\",state=\"waiting\"} 2.0",
                        "greenscribe_jobs{device=\"cuda\",state=\"running\"} 1.0",
                        "greenscribe_jobs{device=\"any\",state=\"running\"} 0.0",
                        "greenscribe_oldest_queued_job_age_seconds 90.0",
                        "greenscribe_jobs_starting_soon 1.0");
        assertThat(scrape).doesNotContain("state=\"succeeded\"");
    }

    @Test
    void oneCountServesEveryScrapeWithinTheRefreshPeriod() {
        // given a counted queue with one job
        job("QUEUED", time.instant(), null);
        assertThat(prometheus.scrape()).contains("greenscribe_jobs{device=\"any\",state=\"queued\"} 1.0");

        // when a second job arrives, a scrape within the refresh period still shows the old count
        job("QUEUED", time.instant(), null);
        time.advance(REFRESH.minusSeconds(1));
        assertThat(prometheus.scrape()).contains("greenscribe_jobs{device=\"any\",state=\"queued\"} 1.0");

        // then once the period has passed the next scrape counts again, and the oldest has aged
        time.advance(Duration.ofSeconds(1));
        assertThat(prometheus.scrape())
                .contains(
                        "greenscribe_jobs{device=\"any\",state=\"queued\"} 2.0",
                        "greenscribe_oldest_queued_job_age_seconds 5.0");
    }

    @Test
    void theChartsKedaQueryCountsRunningQueuedAndSoonDueJobsOnTheRealSchema() throws Exception {
        // given the PostgreSQL trigger's query as the chart renders it, with its default lead of 600 s
        String template = Files.readString(Path.of("helm/greenscribe/templates/scaledobject.yaml"));
        Matcher m = Pattern.compile("query: >-\\s*\\n(.*?)\\n\\s*targetQueryValue", Pattern.DOTALL)
                .matcher(template);
        assertThat(m.find()).as("the postgresql trigger's query in the chart").isTrue();
        String query =
                m.group(1).replace("{{ $lead }}", "600").replaceAll("\\s+", " ").strip();

        // and, around the database's own now(), a running and a queued job, one waiting job due in
        // 5 minutes and one in 3 hours, a queued one held until tomorrow, and a finished one
        Instant now = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
        job("RUNNING", now.minusSeconds(60), "cuda");
        job("QUEUED", now.minusSeconds(5), null);
        job("WAITING_FOR_WINDOW", now.plus(Duration.ofMinutes(5)), null);
        job("WAITING_FOR_WINDOW", now.plus(Duration.ofHours(3)), null);
        job("QUEUED", now.plus(Duration.ofDays(1)), null);
        job("SUCCEEDED", now.minusSeconds(600), "cuda");

        // then KEDA sees a demand of three (one worker at 4 jobs per worker)
        assertThat(jdbc.sql(query).query(Long.class).single()).isEqualTo(3);
    }

    private void job(String status, Instant at, String device) {
        jdbc.sql("""
                        insert into transcription_job (id, tenant_id, status, audio_path, audio_name, audio_bytes,
                            audio_owned, model, itn, formats, run_at, created_at, queued_at, device)
                        values (?, ?, ?, '/dev/null', 'x.wav', 1, false, 'whisper-tiny.en', true, 'json', ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        tenant,
                        status,
                        Timestamp.from(at),
                        Timestamp.from(at),
                        status.equals("QUEUED") ? Timestamp.from(at) : null,
                        device)
                .update();
    }
}

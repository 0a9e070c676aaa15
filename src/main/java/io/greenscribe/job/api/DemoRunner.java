package io.greenscribe.job.api;

import io.greenscribe.job.AudioSource;
import io.greenscribe.job.JobOptions;
import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import io.greenscribe.system.security.ApiKeys;
import io.greenscribe.system.security.CredentialsFile;
import io.greenscribe.text.TranscriptFormat;
import io.greenscribe.text.TranscriptWriter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --greenscribe.demo.file=PATH}: once the server is up, submits that file as a job of the
 * bootstrap tenant (through the same {@link JobService} the API uses), waits for it, prints the
 * transcript, and leaves the server running.
 */
@Component
@ConditionalOnProperty("greenscribe.demo.file")
class DemoRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

    private final JobService jobs;
    private final ApiKeys keys;
    private final CredentialsFile credentials;
    private final Path file;
    private final String tenantName;
    private final int port;

    DemoRunner(
            JobService jobs,
            ApiKeys keys,
            CredentialsFile credentials,
            @Value("${greenscribe.demo.file}") Path file,
            @Value("${greenscribe.security.bootstrap-tenant:default}") String tenantName,
            @Value("${local.server.port:${server.port:8080}}") int port) {
        this.jobs = jobs;
        this.keys = keys;
        this.credentials = credentials;
        this.file = file;
        this.tenantName = tenantName;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread demo = new Thread(this::run, "demo");
        demo.setDaemon(true);
        demo.start();
    }

    private void run() {
        PrintStream out = System.out;
        try {
            UUID tenant = keys.tenant(tenantName).orElseThrow();
            long size = Files.size(file);
            JobView job = jobs.submit(
                            tenant,
                            new AudioSource.Upload(
                                    file.getFileName().toString(), size, () -> Files.newInputStream(file)),
                            JobOptions.defaults(),
                            null,
                            null)
                    .job();
            out.println("Demo: submitted " + file + " as job " + job.id() + "; waiting for it...");
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (!job.status().isFinished() && System.nanoTime() < deadline) {
                Thread.sleep(500); // a person is waiting on the console; polling the service is the point
                job = jobs.get(tenant, job.id());
            }
            if (job.status() != JobStatus.SUCCEEDED) {
                out.println("Demo: job " + job.id() + " ended " + job.status() + ": " + job.error());
                return;
            }
            out.println(
                    "Demo: job " + job.id() + " SUCCEEDED in " + job.timings().runSeconds() + " s ("
                            + job.audio().durationSeconds() + " s of audio, "
                            + job.progress().windowsTotal() + " window(s), "
                            + job.model() + " on " + job.device() + "). Transcript:");
            out.println();
            out.print(new TranscriptWriter().write(jobs.transcript(tenant, job.id()), TranscriptFormat.SRT));
            out.println();
            out.println("The server keeps running on http://localhost:" + port + " (API: /api/v1/jobs, "
                    + "OpenAPI: /v3/api-docs, UI: /swagger-ui.html). Stop it with Ctrl+C.");
            // last, where a person looks: the console, and where a generated key and password are kept
            out.println("Console: http://localhost:" + port + "/admin (user admin; a generated password and the "
                    + "first API key are in " + credentials.path() + ")");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Demo transcription of {} failed", file, e);
        }
    }
}

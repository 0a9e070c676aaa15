package io.greenscribe.pipeline;

import static io.greenscribe.testing.JobRows.database;
import static io.greenscribe.testing.JobRows.done;
import static io.greenscribe.testing.JobRows.status;
import static io.greenscribe.testing.JobRows.windows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscribe.testing.AppProcess;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.JobRows;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestPostgres;
import io.greenscribe.testing.WordErrorRate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker process is killed with SIGKILL in the middle of a long job; a second process picks the
 * job up after the lease expires and finishes it without recognizing any finished window again.
 */
class KilledWorkerRestartIntegrationTests {

    @Test
    void aJobKilledMidwayResumesOnAnotherProcessWithoutRedoingFinishedWindows() throws Exception {
        Models.require("whisper-tiny.en");
        String url = TestPostgres.freshDatabase();
        JdbcClient db = database(url);
        List<String> args = AppProcess.windowByWindow();
        SharedData.Utterance longForm = SharedData.manifest("long-form").stream()
                .filter(u -> u.file().getFileName().toString().equals("concat_dev_en.flac"))
                .findFirst()
                .orElseThrow();

        // given a first server process working on a long recording
        UUID jobId;
        List<JobRows.Window> finishedBeforeKill;
        try (AppProcess first = AppProcess.start("first", url, args)) {
            Http api = new Http("http://localhost:" + first.port(), "gs_test_admin_key");
            Http.Response submitted = await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(
                            () -> api.postJson("/api/v1/jobs", Map.of("path", "long-form/audio/concat_dev_en.flac")),
                            r -> r.status() == 202);
            jobId = UUID.fromString(submitted.json().path("id").asText());

            // when it has committed some windows but not all, it is killed with SIGKILL
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> windows(db, jobId), w -> done(w) >= 2);
            first.kill();
            List<JobRows.Window> atKill = windows(db, jobId);
            finishedBeforeKill =
                    atKill.stream().filter(w -> w.status().equals("DONE")).toList();
            assertThat(finishedBeforeKill.size()).as("killed mid-job").isLessThan(atKill.size());
            assertThat(status(db, jobId)).isEqualTo("RUNNING");
        }

        // then a second process reaps the dead worker's lease, resumes the job and finishes it
        try (AppProcess second = AppProcess.start("second", url, args)) {
            await().atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> status(db, jobId), s -> s.equals("SUCCEEDED") || s.equals("FAILED"));
            assertThat(status(db, jobId)).isEqualTo("SUCCEEDED");
        }

        // and no window finished before the kill was recognized again
        List<JobRows.Window> after = windows(db, jobId);
        assertThat(after).allMatch(w -> w.status().equals("DONE")).allMatch(w -> w.attempts() == 1);
        for (JobRows.Window before : finishedBeforeKill) {
            assertThat(after.get(before.index())).isEqualTo(before);
            assertThat(before.recognizedBy()).isEqualTo("first");
        }
        assertThat(after).filteredOn(w -> w.recognizedBy().equals("second")).isNotEmpty();

        // and the job was claimed twice, its Spring Batch instance ran twice (the first recovered as FAILED)
        assertThat(db.sql("select attempts from transcription_job where id = ?")
                        .param(jobId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(db.sql("""
                        select e.status from batch_job_execution e join batch_job_execution_params p
                          on p.job_execution_id = e.job_execution_id
                        where p.parameter_name = 'jobId' and p.parameter_value = ? order by e.job_execution_id""").param(jobId.toString()).query(String.class).list())
                .containsExactly("FAILED", "COMPLETED");

        // and the transcript is whole
        String text = JobRows.transcript(db, jobId);
        assertThat(WordErrorRate.wer(longForm.reference(), text)).isLessThan(0.35);
    }
}

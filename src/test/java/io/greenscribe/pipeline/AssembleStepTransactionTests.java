package io.greenscribe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.text.TranscriptDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

class AssembleStepTransactionTests {

    @Test
    void theTranscriptIsAssembledWithNoConnectionHeldAndSavedOnce() throws Exception {
        // given the assemble step as the pipeline builds it, over windows and transcripts that note
        // whether a database connection is bound to the thread when they are called
        List<Boolean> connectionHeld = new ArrayList<>();
        List<TranscriptDocument> saved = new ArrayList<>();
        JobWindows windows = new JobWindows(null, null, Clock.systemUTC(), null) {
            @Override
            List<RecognizedWindow> results(UUID jobId) {
                connectionHeld.add(holdsConnection());
                return List.of();
            }
        };
        Transcripts transcripts = new Transcripts(null, Clock.systemUTC(), new JsonMapper()) {
            @Override
            void save(UUID jobId, UUID tenantId, TranscriptDocument document) {
                connectionHeld.add(holdsConnection());
                saved.add(document);
            }
        };
        PcmStore pcm = new PcmStore(Path.of("target/no-pcm"), null) {
            @Override
            void delete(UUID jobId) {}
        };
        RunProgressStore progress = new RunProgressStore(null, Clock.systemUTC()) {
            @Override
            void stage(UUID jobId, RunStage stage) {}
        };
        Step assemble = new PipelineConfiguration()
                .assemble(new ResourcelessJobRepository(), windows, transcripts, pcm, progress, new JsonMapper());
        PipelineRequest request = new PipelineRequest(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Path.of("a.flac"),
                "whisper-tiny.en",
                "en",
                List.of(),
                false,
                "w");
        JobExecution job =
                new JobExecution(1, new JobInstance(1, PipelineConfiguration.JOB_NAME), JobParams.of(request));
        StepExecution step = new StepExecution(1, "assemble", job);

        // when it runs
        assemble.execute(step);

        // then it read the windows and wrote the transcript once, and no step transaction held a
        // connection meanwhile (the save opens its own short one)
        assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(saved).hasSize(1);
        assertThat(connectionHeld).containsExactly(false, false);
    }

    private static boolean holdsConnection() {
        return TransactionSynchronizationManager.getResourceMap().values().stream()
                .anyMatch(ConnectionHolder.class::isInstance);
    }
}

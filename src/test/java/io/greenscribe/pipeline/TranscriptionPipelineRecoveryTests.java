package io.greenscribe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

class TranscriptionPipelineRecoveryTests {

    @Test
    void anExecutionThatEndedWhileAPartitionStillLooksRunningIsRecoveredBeforeARestart() {
        // given what a shutdown past its grace period leaves: the job FAILED (interrupted), one
        // partition interrupted before it could record its end
        JobExecution last = execution(BatchStatus.FAILED);
        step(last, "recognize:partition0", BatchStatus.COMPLETED);
        step(last, "recognize:partition1", BatchStatus.STARTED);

        // then it must be recovered (else Spring Batch answers "already running" and the job fails)
        assertThat(TranscriptionPipeline.leftRunning(last)).isTrue();
    }

    @Test
    void anExecutionLeftRunningByADeadProcessIsRecovered() {
        assertThat(TranscriptionPipeline.leftRunning(execution(BatchStatus.STARTED)))
                .isTrue();
    }

    @Test
    void anExecutionThatEndedWithAllItsStepsIsRestartedAsItIs() {
        // given a job stopped cleanly at a window boundary, and one that failed outright
        JobExecution stopped = execution(BatchStatus.STOPPED);
        step(stopped, "prepare", BatchStatus.COMPLETED);
        step(stopped, "recognize:partition0", BatchStatus.STOPPED);
        JobExecution failed = execution(BatchStatus.FAILED);
        step(failed, "prepare", BatchStatus.FAILED);

        // then neither needs recovering, nor does a job that never ran
        assertThat(TranscriptionPipeline.leftRunning(stopped)).isFalse();
        assertThat(TranscriptionPipeline.leftRunning(failed)).isFalse();
        assertThat(TranscriptionPipeline.leftRunning(null)).isFalse();
    }

    private static JobExecution execution(BatchStatus status) {
        JobExecution execution = new JobExecution(7, new JobInstance(3, "transcribe"), new JobParameters());
        execution.setStatus(status);
        return execution;
    }

    private static void step(JobExecution execution, String name, BatchStatus status) {
        StepExecution step = new StepExecution(execution.getStepExecutions().size() + 1, name, execution);
        step.setStatus(status);
        execution.addStepExecution(step);
    }
}

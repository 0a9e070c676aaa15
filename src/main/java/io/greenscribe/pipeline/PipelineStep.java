package io.greenscribe.pipeline;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A one-shot step of the transcription job. It is handed the job's typed {@link PipelineRequest},
 * read once from the Spring Batch parameters by {@link JobParams} (the one place that maps the two),
 * and the job's execution context, where steps leave what later steps and the result read.
 */
abstract class PipelineStep implements Tasklet {

    @Override
    public final RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        StepExecution step = chunk.getStepContext().getStepExecution();
        run(JobParams.request(step.getJobParameters()), step.getJobExecution().getExecutionContext());
        return RepeatStatus.FINISHED;
    }

    abstract void run(PipelineRequest request, ExecutionContext job);
}

package io.greenscribe.pipeline;

import io.greenscribe.audio.PcmAudio;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 1: decode the upload to 16 kHz mono PCM and keep it for the next steps. */
class PrepareAudioStep implements Tasklet {

    private final PcmStore pcm;

    PrepareAudioStep(PcmStore pcm) {
        this.pcm = pcm;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        PipelineRequest request = JobParams.request(chunk.getStepContext().getStepExecution().getJobParameters());
        PcmAudio audio = pcm.load(request.jobId(), request.audio());
        var job = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        job.putDouble("audioSeconds", audio.durationSeconds());
        // only a fresh decode knows the declared length; a restart reads the stored samples and
        // keeps the warning this step stored the first time
        audio.shortfallWarning().ifPresent(w -> job.putString("audioWarning", w));
        return RepeatStatus.FINISHED;
    }
}

package io.greenscribe.pipeline;

import io.greenscribe.vad.SpeechWindowPlanner;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 2: find the speech and store the windows to recognize; an existing plan is kept. */
class DetectSpeechStep implements Tasklet {

    private final PcmStore pcm;
    private final SpeechWindowPlanner planner;
    private final JobWindows windows;

    DetectSpeechStep(PcmStore pcm, SpeechWindowPlanner planner, JobWindows windows) {
        this.pcm = pcm;
        this.planner = planner;
        this.windows = windows;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        PipelineRequest request = JobParams.request(chunk.getStepContext().getStepExecution().getJobParameters());
        List<WindowSpan> planned = windows.all(request.jobId());
        if (planned.isEmpty()) {
            windows.plan(request.jobId(), planner.plan(pcm.load(request.jobId(), request.audio())).windows().stream()
                    .map(WindowSpan::of).toList());
            planned = windows.all(request.jobId());
        }
        ExecutionContext job = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        job.putDouble("speechSeconds", planned.stream().mapToDouble(WindowSpan::seconds).sum());
        job.putInt("windows", planned.size());
        return RepeatStatus.FINISHED;
    }
}

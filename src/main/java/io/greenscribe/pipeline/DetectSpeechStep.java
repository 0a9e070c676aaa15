package io.greenscribe.pipeline;

import io.greenscribe.vad.SpeechWindowPlanner;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Step 2: find the speech and store the windows to recognize; an existing plan is kept. */
@RequiredArgsConstructor
class DetectSpeechStep extends PipelineStep {

    private final PcmStore pcm;
    private final SpeechWindowPlanner planner;
    private final JobWindows windows;
    private final RunProgressStore progress;

    @Override
    void run(PipelineRequest request, ExecutionContext job) {
        List<WindowSpan> planned = windows.all(request.jobId());
        if (planned.isEmpty()) {
            windows.plan(
                    request.jobId(),
                    planner.plan(pcm.load(request.jobId(), request.audio())).windows().stream()
                            .map(WindowSpan::of)
                            .toList());
            planned = windows.all(request.jobId());
        }
        job.putDouble(
                "speechSeconds",
                planned.stream().mapToDouble(WindowSpan::seconds).sum());
        job.putInt("windows", planned.size());
        progress.stage(request.jobId(), RunStage.WINDOWS);
    }
}

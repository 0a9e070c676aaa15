package io.greenscribe.pipeline;

import io.greenscribe.vad.SpeechWindow;
import io.greenscribe.vad.SpeechWindowPlanner;
import java.util.ArrayList;
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
            List<SpeechWindow> plan =
                    planner.plan(pcm.load(request.jobId(), request.audio())).windows();
            if (request.decoding().languagePerWindow()) {
                plan = onePiecePerWindow(plan);
            }
            windows.plan(request.jobId(), plan.stream().map(WindowSpan::of).toList());
            planned = windows.all(request.jobId());
        }
        job.putDouble(
                "speechSeconds",
                planned.stream().mapToDouble(WindowSpan::seconds).sum());
        job.putInt("windows", planned.size());
        progress.stage(request.jobId(), RunStage.WINDOWS);
    }

    /**
     * With the language detected per window, a window must not join stretches of speech across a
     * pause: a speaker who switches language mostly does so at a turn, and Whisper decodes a whole
     * window in one language. Each piece (speech up to a pause of the VAD's minimum silence, at most
     * a window long) becomes a window of its own, at the price of more, shorter windows.
     */
    static List<SpeechWindow> onePiecePerWindow(List<SpeechWindow> plan) {
        List<SpeechWindow> out = new ArrayList<>();
        for (SpeechWindow w : plan) {
            for (SpeechWindow.Piece p : w.pieces()) {
                out.add(new SpeechWindow(out.size(), List.of(p)));
            }
        }
        return out;
    }
}

package io.greenscribe.pipeline;

import io.greenscribe.audio.PcmAudio;
import io.greenscribe.vad.SpeechPlan;
import io.greenscribe.vad.SpeechWindow;
import io.greenscribe.vad.VoiceActivityDetector;
import io.greenscribe.vad.WindowPlanner;
import java.util.List;

/** Windows from voice activity detection: silence never reaches the recognizer. */
class VadWindowPlanner implements SpeechWindowPlanner, AutoCloseable {

    private final VoiceActivityDetector vad;
    private final WindowPlanner planner;

    VadWindowPlanner(VoiceActivityDetector vad, WindowPlanner planner) {
        this.vad = vad;
        this.planner = planner;
    }

    @Override
    public List<WindowSpan> plan(PcmAudio audio) {
        SpeechPlan plan = planner.plan(vad.detect(audio), audio.samples().length);
        return plan.windows().stream().map(VadWindowPlanner::span).toList();
    }

    private static WindowSpan span(SpeechWindow w) {
        return new WindowSpan(w.index(), w.startSample(), w.endSample());
    }

    @Override
    public void close() {
        vad.close();
    }
}

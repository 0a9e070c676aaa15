package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;

/** Windows from voice activity detection: silence never reaches the recognizer. */
final class VadWindowPlanner implements SpeechWindowPlanner {

    private final VoiceActivityDetector vad;
    private final WindowPlanner planner;

    VadWindowPlanner(VoiceActivityDetector vad, WindowPlanner planner) {
        this.vad = vad;
        this.planner = planner;
    }

    @Override
    public SpeechPlan plan(PcmAudio audio) {
        return planner.plan(vad.detect(audio), audio.samples().length);
    }

    @Override
    public void close() {
        vad.close();
    }
}

package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;
import lombok.RequiredArgsConstructor;

/** Windows from voice activity detection: silence never reaches the recognizer. */
@RequiredArgsConstructor
final class VadWindowPlanner implements SpeechWindowPlanner {

    private final VoiceActivityDetector vad;
    private final WindowPlanner planner;

    @Override
    public SpeechPlan plan(PcmAudio audio) {
        return planner.plan(vad.detect(audio), audio.samples().length);
    }

    @Override
    public void close() {
        vad.close();
    }
}

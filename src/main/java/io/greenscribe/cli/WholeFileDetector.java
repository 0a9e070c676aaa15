package io.greenscribe.cli;

import io.greenscribe.audio.PcmAudio;
import io.greenscribe.vad.SpeechSegment;
import io.greenscribe.vad.VoiceActivityDetector;
import java.util.List;

/** {@code --vad none}: the whole file counts as speech, cut into 30 s windows by the planner. */
final class WholeFileDetector implements VoiceActivityDetector {

    @Override
    public List<SpeechSegment> detect(PcmAudio audio) {
        return audio.samples().length == 0 ? List.of() : List.of(new SpeechSegment(0, audio.samples().length));
    }

    @Override
    public void close() {}
}

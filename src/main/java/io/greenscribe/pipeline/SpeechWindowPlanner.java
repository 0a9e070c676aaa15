package io.greenscribe.pipeline;

import io.greenscribe.audio.PcmAudio;
import java.util.List;

/** Splits decoded audio into the windows the recognizer reads, leaving out what holds no speech. */
interface SpeechWindowPlanner {

    List<WindowSpan> plan(PcmAudio audio);
}

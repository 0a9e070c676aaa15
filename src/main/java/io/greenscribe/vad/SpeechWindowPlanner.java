package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;

/**
 * Splits decoded audio into the windows the recognizer reads, leaving out what holds no speech.
 * The command line and the server get theirs from {@link SpeechWindowPlanners#open}, so a VAD
 * setting means the same in both.
 */
public interface SpeechWindowPlanner extends AutoCloseable {

    SpeechPlan plan(PcmAudio audio);

    /** Frees the detector's native resources, if it holds any. */
    @Override
    default void close() {}
}

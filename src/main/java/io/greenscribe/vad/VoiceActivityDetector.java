package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;
import java.util.List;

/**
 * Finds where people speak, so that recognition runs only there.
 *
 * <p>Implementations turn audio into per-frame speech probabilities and then into segments with
 * {@link FrameProbabilities#segments(VadOptions)}, so every detector honours the same
 * {@link VadOptions} in the same way. Segments are returned unpadded; {@link WindowPlanner} adds
 * the padding when it groups them into windows for recognition.
 *
 * <p>Implementations are thread-safe and hold no state from one call to the next.
 */
public interface VoiceActivityDetector extends AutoCloseable {

    /**
     * @param audio 16 kHz mono audio, of any length including none
     * @return speech segments in time order, not overlapping, each within the audio
     */
    List<SpeechSegment> detect(PcmAudio audio);

    /** Frees native resources (models); a detector that holds none has nothing to do. */
    @Override
    default void close() {}
}

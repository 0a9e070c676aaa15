package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;

/**
 * A contiguous span of the original audio, at most {@link VadOptions#maxWindowSeconds()} long,
 * that is recognized as one unit. Windows of one plan are in time order and never overlap, so a
 * transcript's timestamps are the window's start plus the recognizer's offsets.
 *
 * @param index position of the window in its plan, from 0
 * @param startSample first sample of the window
 * @param endSample one past the last sample of the window
 */
public record SpeechWindow(int index, int startSample, int endSample) {

    public SpeechWindow {
        if (index < 0 || startSample < 0 || endSample <= startSample) {
            throw new IllegalArgumentException(
                    "Invalid window " + index + ": " + startSample + ".." + endSample);
        }
    }

    public int lengthSamples() {
        return endSample - startSample;
    }

    public double startSeconds() {
        return startSample / (double) PcmAudio.SAMPLE_RATE;
    }

    public double endSeconds() {
        return endSample / (double) PcmAudio.SAMPLE_RATE;
    }

    public double durationSeconds() {
        return lengthSamples() / (double) PcmAudio.SAMPLE_RATE;
    }
}

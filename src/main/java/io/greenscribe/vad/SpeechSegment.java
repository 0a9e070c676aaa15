package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;

/**
 * A stretch of speech found by a {@link VoiceActivityDetector}, in samples of the 16 kHz audio.
 *
 * @param startSample first sample of speech
 * @param endSample one past the last sample of speech
 */
public record SpeechSegment(int startSample, int endSample) {

    public SpeechSegment {
        if (startSample < 0 || endSample <= startSample) {
            throw new IllegalArgumentException("Empty or negative segment " + startSample + ".." + endSample);
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
}

package io.greenscribe.asr;

/**
 * One window of audio to recognise.
 *
 * @param index position of the window in its job, echoed in the result
 * @param samples 16 kHz mono samples, at most 30 s
 * @param offsetSeconds where the window starts in the original audio; segment times are shifted by it
 */
public record AudioWindow(int index, float[] samples, double offsetSeconds) {

    public double durationSeconds() {
        return samples.length / 16_000.0;
    }
}

package io.greenscribe.audio;

/**
 * Decoded audio: mono float PCM in [-1, 1] at {@link #SAMPLE_RATE} Hz, the only form the rest of
 * the pipeline sees.
 *
 * @param samples mono samples at 16 kHz
 */
public record PcmAudio(float[] samples) {

    /** Sample rate of every {@code PcmAudio}: Whisper and Silero VAD both expect 16 kHz. */
    public static final int SAMPLE_RATE = 16_000;

    public double durationSeconds() {
        return samples.length / (double) SAMPLE_RATE;
    }

    /** Samples between two sample offsets, clamped to the audio. */
    public float[] slice(int startSample, int endSample) {
        int from = Math.max(0, startSample);
        int to = Math.min(samples.length, endSample);
        float[] out = new float[Math.max(0, to - from)];
        System.arraycopy(samples, from, out, 0, out.length);
        return out;
    }
}

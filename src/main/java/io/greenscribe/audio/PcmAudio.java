package io.greenscribe.audio;

import java.util.Locale;
import java.util.Optional;

/**
 * Decoded audio: mono float PCM in [-1, 1] at {@link #SAMPLE_RATE} Hz, the only form the rest of
 * the pipeline sees.
 *
 * @param samples mono samples at 16 kHz
 * @param declaredSeconds how long the file's container says its audio is; NaN when it does not
 *     say or the audio did not come from a file
 */
public record PcmAudio(float[] samples, double declaredSeconds) {

    /** Sample rate of every {@code PcmAudio}: Whisper and Silero VAD both expect 16 kHz. */
    public static final int SAMPLE_RATE = 16_000;

    /** Declared lengths are estimates (VBR mp3 headers, rounding); a shortfall under this is noise. */
    private static final double SHORTFALL_TOLERANCE = 0.05;

    public PcmAudio(float[] samples) {
        this(samples, Double.NaN);
    }

    /**
     * A sentence for the user when clearly less audio was decoded than the container declares, as
     * for a truncated or partly damaged upload: the transcript then stops early, and should say so.
     */
    public Optional<String> shortfallWarning() {
        double decoded = durationSeconds();
        if (!(declaredSeconds > 0)
                || declaredSeconds - decoded < Math.max(1.0, SHORTFALL_TOLERANCE * declaredSeconds)) {
            return Optional.empty();
        }
        return Optional.of(
                String.format(Locale.ROOT, "decoded %.1f s; the container declares %.1f s", decoded, declaredSeconds));
    }

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

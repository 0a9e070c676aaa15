package io.greenscribe.diarization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.greenscribe.audio.MelFilterBank;

/**
 * Resemblyzer's encoder input: {@code librosa.feature.melspectrogram} with its hparams — 16 kHz,
 * 400-sample (25 ms) periodic Hann frames every 160 samples (10 ms), centred with zero padding
 * (librosa ≥ 0.10's default), power spectrum, 40 Slaney mel bands up to 8 kHz. Not logarithmic: the
 * encoder was trained on mel power, which is why the audio's volume is normalised first.
 *
 * <p>The DFT runs as one matrix product on the engine, as {@code asr/whisper}'s front end does.
 */
final class MelFrames implements AutoCloseable {

    static final int SAMPLE_RATE = 16_000;
    static final int FFT_SIZE = 400;
    static final int HOP = 160;
    static final int MEL_BANDS = 40;
    private static final int BINS = FFT_SIZE / 2 + 1;

    /** Frames per matrix product: bounds the frame matrix at 64 MB on a long recording. */
    private static final int FRAMES_PER_PRODUCT = 40_000;

    private final NDArray dftBasis;
    private final NDArray melFilters;
    private final float[] hann = new float[FFT_SIZE];

    MelFrames(NDManager manager) {
        float[] basis = new float[FFT_SIZE * 2 * BINS];
        for (int n = 0; n < FFT_SIZE; n++) {
            for (int k = 0; k < BINS; k++) {
                double angle = 2 * Math.PI * ((long) k * n % FFT_SIZE) / FFT_SIZE;
                basis[n * 2 * BINS + k] = (float) Math.cos(angle);
                basis[n * 2 * BINS + BINS + k] = (float) -Math.sin(angle);
            }
        }
        dftBasis = manager.create(basis, new Shape(FFT_SIZE, 2L * BINS));
        float[][] filters = MelFilterBank.create(SAMPLE_RATE, FFT_SIZE, MEL_BANDS);
        float[] flat = new float[MEL_BANDS * BINS];
        for (int m = 0; m < MEL_BANDS; m++) {
            System.arraycopy(filters[m], 0, flat, m * BINS, BINS);
        }
        melFilters = manager.create(flat, new Shape(MEL_BANDS, BINS)).transpose();
        for (int n = 0; n < FFT_SIZE; n++) {
            hann[n] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * n / FFT_SIZE));
        }
    }

    /** Frames of {@code audio}: {@code 1 + length / 160} of them, as librosa counts with centring. */
    static int frameCount(int samples) {
        return 1 + samples / HOP;
    }

    /** Mel power frames [frameCount][40] of 16 kHz audio. */
    float[][] compute(NDManager manager, float[] audio) {
        int total = frameCount(audio.length);
        float[][] out = new float[total][];
        for (int first = 0; first < total; first += FRAMES_PER_PRODUCT) {
            int count = Math.min(FRAMES_PER_PRODUCT, total - first);
            float[] frames = new float[count * FFT_SIZE];
            for (int f = 0; f < count; f++) {
                int start = (first + f) * HOP - FFT_SIZE / 2;
                for (int n = 0; n < FFT_SIZE; n++) {
                    int i = start + n;
                    frames[f * FFT_SIZE + n] = i >= 0 && i < audio.length ? audio[i] * hann[n] : 0f;
                }
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray spectrum =
                        scope.create(frames, new Shape(count, FFT_SIZE)).matMul(dftBasis);
                NDArray re = spectrum.get(":, 0:" + BINS);
                NDArray im = spectrum.get(":, " + BINS + ":");
                float[] mel = re.mul(re).add(im.mul(im)).matMul(melFilters).toFloatArray();
                for (int f = 0; f < count; f++) {
                    out[first + f] = java.util.Arrays.copyOfRange(mel, f * MEL_BANDS, (f + 1) * MEL_BANDS);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        dftBasis.close();
        melFilters.close();
    }
}

package io.greenscribe.asr.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.greenscribe.audio.MelFilterBank;

/**
 * Whisper's input features: 25 ms Hann frames every 10 ms of 16 kHz audio padded to 30 s, power
 * spectrum, mel filters, log10, clamped to 8 decades below the window's peak and rescaled.
 *
 * <p>The DFT runs as one matrix product on the engine (frames × cos/sin basis) instead of an FFT in
 * Java: it is exact, batches all windows at once and lands on the same BLAS the model uses.
 */
final class LogMelSpectrogram implements AutoCloseable {

    static final int SAMPLE_RATE = 16_000;
    static final int FFT_SIZE = 400;
    static final int HOP = 160;
    static final int WINDOW_SAMPLES = 30 * SAMPLE_RATE;
    static final int FRAMES = WINDOW_SAMPLES / HOP;

    private final int melBins;
    private final NDArray dftBasis;
    private final NDArray melFilters;
    private final float[] hann;

    LogMelSpectrogram(NDManager manager, int melBins) {
        this.melBins = melBins;
        int bins = FFT_SIZE / 2 + 1;
        float[] basis = new float[FFT_SIZE * 2 * bins];
        for (int n = 0; n < FFT_SIZE; n++) {
            for (int k = 0; k < bins; k++) {
                double angle = 2 * Math.PI * k * n / FFT_SIZE;
                basis[n * 2 * bins + k] = (float) Math.cos(angle);
                basis[n * 2 * bins + bins + k] = (float) -Math.sin(angle);
            }
        }
        this.dftBasis = manager.create(basis, new Shape(FFT_SIZE, 2L * bins));
        float[][] filters = MelFilterBank.create(SAMPLE_RATE, FFT_SIZE, melBins);
        float[] flat = new float[melBins * bins];
        for (int m = 0; m < melBins; m++) {
            System.arraycopy(filters[m], 0, flat, m * bins, bins);
        }
        this.melFilters = manager.create(flat, new Shape(melBins, bins)).transpose();
        this.hann = new float[FFT_SIZE];
        for (int n = 0; n < FFT_SIZE; n++) {
            hann[n] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * n / FFT_SIZE));
        }
    }

    /** Features [B, melBins, 3000] for windows of at most 30 s each (longer input is cut). */
    NDArray compute(NDManager manager, float[][] windows) {
        int batch = windows.length;
        float[] frames = new float[batch * FRAMES * FFT_SIZE];
        for (int b = 0; b < batch; b++) {
            frameWindow(windows[b], frames, b * FRAMES * FFT_SIZE);
        }
        int bins = FFT_SIZE / 2 + 1;
        NDArray spectrum = manager.create(frames, new Shape((long) batch * FRAMES, FFT_SIZE))
                .matMul(dftBasis);
        NDArray re = spectrum.get(":, 0:" + bins);
        NDArray im = spectrum.get(":, " + bins + ":");
        NDArray power = re.mul(re).add(im.mul(im));
        NDArray logMel = power.matMul(melFilters).maximum(1e-10f).log10().reshape(batch, FRAMES, melBins);
        NDArray peak = logMel.reshape(batch, (long) FRAMES * melBins)
                .max(new int[] {1}, true)
                .expandDims(2);
        NDArray clamped = logMel.maximum(peak.sub(8.0f));
        return clamped.add(4.0f).div(4.0f).transpose(0, 2, 1);
    }

    /** Centre-padded (reflect) Hann-windowed frames of the zero-padded 30 s window. */
    private void frameWindow(float[] audio, float[] out, int base) {
        int length = Math.min(audio.length, WINDOW_SAMPLES);
        int half = FFT_SIZE / 2;
        for (int f = 0; f < FRAMES; f++) {
            int start = f * HOP - half;
            int row = base + f * FFT_SIZE;
            for (int n = 0; n < FFT_SIZE; n++) {
                out[row + n] = sample(audio, length, start + n) * hann[n];
            }
        }
    }

    private static float sample(float[] audio, int length, int index) {
        int i = index < 0 ? -index : index;
        if (i >= WINDOW_SAMPLES) {
            i = 2 * (WINDOW_SAMPLES - 1) - i;
        }
        return i < length ? audio[i] : 0f;
    }

    int melBins() {
        return melBins;
    }

    @Override
    public void close() {
        dftBasis.close();
        melFilters.close();
    }
}

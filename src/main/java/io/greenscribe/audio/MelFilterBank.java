package io.greenscribe.audio;

/**
 * Slaney-style mel filter bank (librosa's default, which Whisper was trained with and Resemblyzer
 * computed its speaker features with): linear below 1 kHz, logarithmic above, each triangle
 * area-normalised. One copy for both rooms that need it (asr/whisper, diarization).
 */
public final class MelFilterBank {

    private static final double MIN_LOG_HZ = 1000.0;
    private static final double HZ_PER_MEL = 200.0 / 3;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / HZ_PER_MEL;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private MelFilterBank() {}

    /** Filters as [melBins][fftSize / 2 + 1], row-major. */
    public static float[][] create(int sampleRate, int fftSize, int melBins) {
        int bins = fftSize / 2 + 1;
        double[] fftFreqs = new double[bins];
        for (int i = 0; i < bins; i++) {
            fftFreqs[i] = i * (sampleRate / 2.0) / (bins - 1);
        }
        double maxMel = hzToMel(sampleRate / 2.0);
        double[] melFreqs = new double[melBins + 2];
        for (int i = 0; i < melFreqs.length; i++) {
            melFreqs[i] = melToHz(maxMel * i / (melBins + 1));
        }
        float[][] filters = new float[melBins][bins];
        for (int m = 0; m < melBins; m++) {
            double lowWidth = melFreqs[m + 1] - melFreqs[m];
            double highWidth = melFreqs[m + 2] - melFreqs[m + 1];
            double norm = 2.0 / (melFreqs[m + 2] - melFreqs[m]);
            for (int k = 0; k < bins; k++) {
                double lower = (fftFreqs[k] - melFreqs[m]) / lowWidth;
                double upper = (melFreqs[m + 2] - fftFreqs[k]) / highWidth;
                filters[m][k] = (float) (Math.max(0, Math.min(lower, upper)) * norm);
            }
        }
        return filters;
    }

    public static double hzToMel(double hz) {
        return hz < MIN_LOG_HZ ? hz / HZ_PER_MEL : MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
    }

    public static double melToHz(double mel) {
        return mel < MIN_LOG_MEL ? mel * HZ_PER_MEL : MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
    }
}

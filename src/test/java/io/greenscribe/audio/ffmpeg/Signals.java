package io.greenscribe.audio.ffmpeg;

/** Measurements on decoded samples, to check what a decoder produced without trusting it. */
final class Signals {

    private Signals() {}

    static double peak(float[] samples, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    /** Frequency from the rate of upward zero crossings between two sample offsets. */
    static double frequency(float[] samples, int from, int to, int sampleRate) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings * (double) sampleRate / (last - first);
    }

    /** Loudness envelope: RMS in dB of consecutive 20 ms frames at 16 kHz. */
    static double[] envelope(float[] samples) {
        int frame = 320;
        double[] out = new double[samples.length / frame];
        for (int f = 0; f < out.length; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sum += samples[i] * samples[i];
            }
            out[f] = 10 * Math.log10(sum / frame + 1e-10);
        }
        return out;
    }

    /** Pearson correlation over the common length of two series. */
    static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[i] / n;
            meanB += b[i] / n;
        }
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return cov / Math.sqrt(varA * varB);
    }
}

package io.greenscribe.diarization;

/** Small vector arithmetic on speaker embeddings, and Resemblyzer's volume normalisation. */
final class Embeddings {

    /** Resemblyzer's {@code audio_norm_target_dBFS}: quiet audio is raised to it, loud left alone. */
    static final double TARGET_DBFS = -30;

    private Embeddings() {}

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /**
     * {@code normalize_volume(wav, -30, increase_only=True)}: the encoder reads mel power, not its
     * log, so a quiet recording would otherwise look like another voice.
     */
    static float[] normalizeVolume(float[] audio) {
        double sum = 0;
        for (float s : audio) {
            sum += (double) s * s;
        }
        if (audio.length == 0 || sum == 0) {
            return audio.clone();
        }
        // Resemblyzer's rms is of wav * 32767, over 32767: the scale cancels
        double dbfs = 20 * Math.log10(Math.sqrt(sum / audio.length));
        double change = TARGET_DBFS - dbfs;
        if (change < 0) {
            return audio.clone();
        }
        float gain = (float) Math.pow(10, change / 20);
        float[] out = new float[audio.length];
        for (int i = 0; i < audio.length; i++) {
            out[i] = audio[i] * gain;
        }
        return out;
    }
}

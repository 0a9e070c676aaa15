package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;

/**
 * How speech probabilities become segments and segments become windows. Silence, padding and
 * window length are faster-whisper's, the minimum speech is Silero's own 250 ms. The threshold is
 * lower than faster-whisper's 0.5: the pauses that end segments are cut out of the windows (see
 * {@link WindowPlanner}), so a frame Silero doubts is lost to recognition rather than read inside
 * a pause; on the long-form dev files 0.35 reads 0.94-0.96 of the true speech against 0.88-0.92 at
 * 0.5, for 0-7 % more decoded audio (VadProbe figures in docs/asr.md).
 *
 * @param threshold probability at or above which a frame starts or continues speech
 * @param minSilenceMs the gap: silence must last this long to end a segment, and a pause that
 *     long is cut out of the recognizer's windows; shorter pauses stay inside
 * @param minSpeechMs segments shorter than this are dropped as clicks and noise
 * @param speechPadMs audio kept on each side of speech when it becomes a window, so word onsets
 *     and trailing consonants are not clipped
 * @param maxWindowSeconds longest window handed to the recognizer; Whisper reads 30 s at a time
 */
public record VadOptions(
        double threshold, int minSilenceMs, int minSpeechMs, int speechPadMs, double maxWindowSeconds) {

    public static final double DEFAULT_THRESHOLD = 0.35;
    public static final int DEFAULT_MIN_SILENCE_MS = 2000;
    public static final int DEFAULT_MIN_SPEECH_MS = 250;
    public static final int DEFAULT_SPEECH_PAD_MS = 400;
    public static final double DEFAULT_MAX_WINDOW_SECONDS = 30;

    /** How far below {@link #threshold()} a frame must fall to count as silence inside speech. */
    private static final double HYSTERESIS = 0.15;

    public VadOptions {
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("threshold must be between 0 and 1");
        }
        if (minSilenceMs < 0 || minSpeechMs < 0 || speechPadMs < 0) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (maxWindowSeconds * 1000 <= 2 * speechPadMs + minSpeechMs) {
            throw new IllegalArgumentException("maxWindowSeconds must leave room for padding and speech");
        }
    }

    public static VadOptions defaults() {
        return new VadOptions(
                DEFAULT_THRESHOLD,
                DEFAULT_MIN_SILENCE_MS,
                DEFAULT_MIN_SPEECH_MS,
                DEFAULT_SPEECH_PAD_MS,
                DEFAULT_MAX_WINDOW_SECONDS);
    }

    /** Exit threshold: speech ends only below this, so a probability hovering at the threshold does not flicker. */
    public double negativeThreshold() {
        return Math.max(0.01, threshold - HYSTERESIS);
    }

    public int minSilenceSamples() {
        return msToSamples(minSilenceMs);
    }

    public int minSpeechSamples() {
        return msToSamples(minSpeechMs);
    }

    public int speechPadSamples() {
        return msToSamples(speechPadMs);
    }

    public int maxWindowSamples() {
        return (int) Math.round(maxWindowSeconds * PcmAudio.SAMPLE_RATE);
    }

    /** Longest segment a detector emits: one that still fits a window once padded on both sides. */
    public int maxSpeechSamples() {
        return maxWindowSamples() - 2 * speechPadSamples();
    }

    private static int msToSamples(int ms) {
        return (int) ((long) ms * PcmAudio.SAMPLE_RATE / 1000);
    }
}

package io.greenscribe.vad.energy;

import io.greenscribe.audio.PcmAudio;
import io.greenscribe.vad.FrameProbabilities;
import io.greenscribe.vad.SpeechSegment;
import io.greenscribe.vad.VadOptions;
import io.greenscribe.vad.VoiceActivityDetector;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * The fallback when no model is installed: a frame is speech when it is clearly louder than the
 * background around it. It cannot tell speech from music, traffic or a slammed door, so on real
 * recordings it skips less than Silero does; on clean speech it finds at least as much, and it
 * needs nothing to download.
 *
 * <p>The background is the quietest frame within {@link #FLOOR_WINDOW_FRAMES} either side,
 * since even continuous speech pauses that often for breath; a frame this many dB above it scores
 * 0.5, and a frame that scores is held for a short hangover so word endings are not clipped.
 */
@RequiredArgsConstructor
public final class EnergyVoiceActivityDetector implements VoiceActivityDetector {

    /** 32 ms, the frame of Silero VAD, so both detectors segment on the same grid. */
    static final int FRAME_SAMPLES = 512;
    /** About 1.5 s each way. */
    static final int FLOOR_WINDOW_FRAMES = 47;

    static final double MARGIN_DB = 12;
    /** dB per unit of the logistic score: ±3 dB around the margin spans scores 0.18 to 0.82. */
    static final double SLOPE_DB = 2;
    /** Quieter than this is never speech, however silent the background (digital zero included). */
    static final double ABSOLUTE_FLOOR_DB = -55;
    /** 160 ms. */
    static final int HANGOVER_FRAMES = 5;

    private final VadOptions options;

    @Override
    public List<SpeechSegment> detect(PcmAudio audio) {
        float[] samples = audio.samples();
        double[] energy = frameEnergies(samples);
        double[] floor = localMinimum(energy, FLOOR_WINDOW_FRAMES);
        float[] scores = new float[energy.length];
        int hold = 0;
        for (int i = 0; i < energy.length; i++) {
            double score = energy[i] < ABSOLUTE_FLOOR_DB
                    ? 0
                    : 1 / (1 + Math.exp(-(energy[i] - floor[i] - MARGIN_DB) / SLOPE_DB));
            if (score >= options.threshold()) {
                hold = HANGOVER_FRAMES;
            } else if (hold > 0) {
                hold--;
                score = options.threshold();
            }
            scores[i] = (float) score;
        }
        return new FrameProbabilities(scores, FRAME_SAMPLES, samples.length).segments(options);
    }

    /** RMS level of each frame in dB relative to full scale. */
    private static double[] frameEnergies(float[] samples) {
        double[] energy = new double[(samples.length + FRAME_SAMPLES - 1) / FRAME_SAMPLES];
        for (int f = 0; f < energy.length; f++) {
            int from = f * FRAME_SAMPLES;
            int to = Math.min(samples.length, from + FRAME_SAMPLES);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += samples[i] * samples[i];
            }
            energy[f] = 10 * Math.log10(sum / (to - from) + 1e-12);
        }
        return energy;
    }

    /** Minimum over {@code [i - radius, i + radius]} for every i, in one pass with a monotone deque. */
    static double[] localMinimum(double[] values, int radius) {
        double[] out = new double[values.length];
        Deque<Integer> candidates = new ArrayDeque<>();
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            for (; next < values.length && next <= i + radius; next++) {
                while (!candidates.isEmpty() && values[candidates.peekLast()] >= values[next]) {
                    candidates.pollLast();
                }
                candidates.addLast(next);
            }
            while (candidates.peekFirst() < i - radius) {
                candidates.pollFirst();
            }
            out[i] = values[candidates.peekFirst()];
        }
        return out;
    }
}

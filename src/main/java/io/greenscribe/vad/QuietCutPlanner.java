package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;
import java.util.ArrayList;
import java.util.List;

/**
 * Without a voice activity detector ({@code none}): the whole audio is read, cut into windows of
 * at most {@code maxSeconds}, each ending at the quietest 50 ms in its last third so that a cut
 * rarely falls inside a word (never blindly at 30 s).
 */
final class QuietCutPlanner implements SpeechWindowPlanner {

    private static final int FRAME = PcmAudio.SAMPLE_RATE / 20;

    private final int maxSamples;

    QuietCutPlanner(double maxSeconds) {
        this.maxSamples = (int) Math.round(maxSeconds * PcmAudio.SAMPLE_RATE);
    }

    @Override
    public SpeechPlan plan(PcmAudio audio) {
        float[] s = audio.samples();
        List<SpeechWindow> windows = new ArrayList<>();
        int start = 0;
        while (start < s.length) {
            int end = s.length - start <= maxSamples
                    ? s.length
                    : quietestCut(s, start + maxSamples * 2 / 3, start + maxSamples);
            windows.add(new SpeechWindow(windows.size(), start, end));
            start = end;
        }
        return new SpeechPlan(windows, s.length);
    }

    static int quietestCut(float[] s, int from, int to) {
        int best = to;
        double bestEnergy = Double.MAX_VALUE;
        for (int f = from; f + FRAME <= to; f += FRAME) {
            double energy = 0;
            for (int i = f; i < f + FRAME; i++) {
                energy += s[i] * s[i];
            }
            if (energy < bestEnergy) {
                bestEnergy = energy;
                best = f + FRAME / 2;
            }
        }
        return best;
    }
}

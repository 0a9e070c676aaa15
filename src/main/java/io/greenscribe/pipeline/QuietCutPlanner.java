package io.greenscribe.pipeline;

import io.greenscribe.audio.PcmAudio;
import java.util.ArrayList;
import java.util.List;

/**
 * Without a voice activity detector: cuts the audio into windows of at most {@code maxSeconds},
 * each ending at the quietest 50 ms in its last third so that a cut rarely falls inside a word.
 */
class QuietCutPlanner implements SpeechWindowPlanner {

    private static final int FRAME = PcmAudio.SAMPLE_RATE / 20;

    private final int maxSamples;

    QuietCutPlanner(int maxSeconds) {
        this.maxSamples = maxSeconds * PcmAudio.SAMPLE_RATE;
    }

    @Override
    public List<WindowSpan> plan(PcmAudio audio) {
        float[] s = audio.samples();
        List<WindowSpan> windows = new ArrayList<>();
        int start = 0;
        while (start < s.length) {
            int end = s.length - start <= maxSamples ? s.length : quietestCut(s, start + maxSamples * 2 / 3, start + maxSamples);
            windows.add(new WindowSpan(windows.size(), start, end));
            start = end;
        }
        return windows;
    }

    private static int quietestCut(float[] s, int from, int to) {
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

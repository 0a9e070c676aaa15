package io.greenscribe.vad;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups speech segments into the windows a recognizer reads, each a contiguous span of the
 * original audio no longer than {@link VadOptions#maxWindowSeconds()}.
 *
 * <p>A recognizer such as Whisper costs the same for a 5 s window as for a 30 s one, so the plan
 * uses as few windows as possible; among plans with that many windows it picks the one whose
 * shortest cut is the longest pause, so no cut falls in a short breath when a long pause would do.
 * Each window keeps {@link VadOptions#speechPadMs()} of audio around its speech, clamped to the
 * audio and shared at the midpoint where neighbouring windows would overlap.
 */
public final class WindowPlanner {

    private final VadOptions options;

    public WindowPlanner(VadOptions options) {
        this.options = options;
    }

    public SpeechPlan plan(List<SpeechSegment> segments, int totalSamples) {
        List<SpeechSegment> speech = normalise(segments, totalSamples);
        List<int[]> groups = group(speech);
        List<SpeechWindow> windows = new ArrayList<>(groups.size());
        int pad = options.speechPadSamples();
        for (int g = 0; g < groups.size(); g++) {
            SpeechSegment first = speech.get(groups.get(g)[0]);
            SpeechSegment last = speech.get(groups.get(g)[1]);
            int start = Math.max(0, first.startSample() - pad);
            int end = Math.min(totalSamples, last.endSample() + pad);
            if (g > 0) {
                int previousEnd = speech.get(groups.get(g - 1)[1]).endSample();
                start = Math.max(start, midpoint(previousEnd, first.startSample()));
            }
            if (g < groups.size() - 1) {
                int nextStart = speech.get(groups.get(g + 1)[0]).startSample();
                end = Math.min(end, midpoint(last.endSample(), nextStart));
            }
            windows.add(new SpeechWindow(g, start, end));
        }
        return new SpeechPlan(windows, totalSamples);
    }

    /**
     * Sorted, inside the audio, not overlapping, and each short enough to fit a window once
     * padded, whatever the detector handed over.
     */
    private List<SpeechSegment> normalise(List<SpeechSegment> segments, int totalSamples) {
        List<SpeechSegment> sorted = segments.stream()
                .filter(s -> s.startSample() < totalSamples)
                .sorted(Comparator.comparingInt(SpeechSegment::startSample))
                .toList();
        List<SpeechSegment> merged = new ArrayList<>();
        for (SpeechSegment s : sorted) {
            int end = Math.min(s.endSample(), totalSamples);
            SpeechSegment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            // touching segments stay apart: a detector that cut over-long speech put a cut there
            if (last != null && s.startSample() < last.endSample()) {
                merged.set(merged.size() - 1,
                        new SpeechSegment(last.startSample(), Math.max(last.endSample(), end)));
            } else {
                merged.add(new SpeechSegment(s.startSample(), end));
            }
        }
        List<SpeechSegment> fitting = new ArrayList<>();
        int max = options.maxSpeechSamples();
        for (SpeechSegment s : merged) {
            int pieces = (s.lengthSamples() + max - 1) / max;
            for (int p = 0; p < pieces; p++) {
                int from = s.startSample() + (int) ((long) s.lengthSamples() * p / pieces);
                int to = s.startSample() + (int) ((long) s.lengthSamples() * (p + 1) / pieces);
                fitting.add(new SpeechSegment(from, to));
            }
        }
        return fitting;
    }

    /**
     * Dynamic programme over the segments: for each segment, the best plan for everything up to
     * it with a window ending there. Ranking (fewer windows, then longer shortest cut) is
     * monotone under appending a window, so the best prefix always extends to the best plan.
     *
     * @return {first, last} segment index of each window, in order
     */
    private List<int[]> group(List<SpeechSegment> speech) {
        int n = speech.size();
        int[] windows = new int[n + 1];
        long[] shortestCut = new long[n + 1];
        int[] firstOfLast = new int[n + 1];
        shortestCut[0] = Long.MAX_VALUE;
        int room = options.maxWindowSamples() - 2 * options.speechPadSamples();
        for (int j = 1; j <= n; j++) {
            windows[j] = Integer.MAX_VALUE;
            int end = speech.get(j - 1).endSample();
            for (int i = j; i >= 1 && end - speech.get(i - 1).startSample() <= room; i--) {
                long cut = i == 1 ? Long.MAX_VALUE
                        : speech.get(i - 1).startSample() - speech.get(i - 2).endSample();
                int count = windows[i - 1] + 1;
                long shortest = Math.min(shortestCut[i - 1], cut);
                if (count < windows[j] || (count == windows[j] && shortest > shortestCut[j])) {
                    windows[j] = count;
                    shortestCut[j] = shortest;
                    firstOfLast[j] = i;
                }
            }
        }
        List<int[]> groups = new ArrayList<>();
        for (int j = n; j >= 1; j = firstOfLast[j] - 1) {
            groups.add(0, new int[] {firstOfLast[j] - 1, j - 1});
        }
        return groups;
    }

    private static int midpoint(int from, int to) {
        return from + (to - from) / 2;
    }
}

package io.greenscribe.vad;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Groups speech segments into the windows a recognizer reads. Each segment keeps
 * {@link VadOptions#speechPadMs()} of audio on either side and becomes a piece; segments whose
 * padding would meet share one piece (the short pause between them stays in), and every longer
 * pause, one that outlasted {@link VadOptions#minSilenceMs()} and so closed a segment, is cut
 * out: the recognizer reads the pieces joined end to end, at most
 * {@link VadOptions#maxWindowSeconds()} of them per window, and never the silence between.
 *
 * <p>A recognizer such as Whisper costs the same for a 5 s window as for a 30 s one, so the plan
 * uses as few windows as possible; among plans with that many windows it picks the one whose
 * shortest cut is the longest pause, so a window ends in a long pause rather than a short one.
 */
@RequiredArgsConstructor
public final class WindowPlanner {

    private final VadOptions options;

    public SpeechPlan plan(List<SpeechSegment> segments, int totalSamples) {
        List<SpeechWindow.Piece> pieces = pieces(normalise(segments, totalSamples), totalSamples);
        List<int[]> groups = group(pieces);
        List<SpeechWindow> windows = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            windows.add(new SpeechWindow(g, pieces.subList(groups.get(g)[0], groups.get(g)[1] + 1)));
        }
        return new SpeechPlan(windows, totalSamples);
    }

    /**
     * Padded speech, clamped to the audio; where two paddings would overlap, the pause is shared at
     * its midpoint and the two become one piece, unless that piece would not fit a window.
     */
    private List<SpeechWindow.Piece> pieces(List<SpeechSegment> speech, int totalSamples) {
        int pad = options.speechPadSamples();
        int max = options.maxWindowSamples();
        List<SpeechWindow.Piece> pieces = new ArrayList<>(speech.size());
        for (int k = 0; k < speech.size(); k++) {
            SpeechSegment s = speech.get(k);
            int from = Math.max(0, s.startSample() - pad);
            int to = Math.min(totalSamples, s.endSample() + pad);
            if (k > 0 && from < pieces.get(pieces.size() - 1).endSample()) {
                SpeechWindow.Piece previous = pieces.remove(pieces.size() - 1);
                int shared = midpoint(speech.get(k - 1).endSample(), s.startSample());
                if (to - previous.startSample() <= max) {
                    from = previous.startSample();
                } else {
                    pieces.add(new SpeechWindow.Piece(previous.startSample(), shared));
                    from = shared;
                }
            }
            pieces.add(new SpeechWindow.Piece(from, to));
        }
        return pieces;
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
                merged.set(merged.size() - 1, new SpeechSegment(last.startSample(), Math.max(last.endSample(), end)));
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
     * Dynamic programme over the pieces: for each piece, the best plan for everything up to it
     * with a window ending there. Ranking (fewer windows, then longer shortest cut) is monotone
     * under appending a window, so the best prefix always extends to the best plan.
     *
     * @return {first, last} piece index of each window, in order
     */
    private List<int[]> group(List<SpeechWindow.Piece> pieces) {
        int n = pieces.size();
        int[] windows = new int[n + 1];
        long[] shortestCut = new long[n + 1];
        int[] firstOfLast = new int[n + 1];
        shortestCut[0] = Long.MAX_VALUE;
        int room = options.maxWindowSamples();
        for (int j = 1; j <= n; j++) {
            windows[j] = Integer.MAX_VALUE;
            long length = 0;
            for (int i = j; i >= 1; i--) {
                length += pieces.get(i - 1).lengthSamples();
                if (length > room) {
                    break;
                }
                long cut = i == 1
                        ? Long.MAX_VALUE
                        : pieces.get(i - 1).startSample() - pieces.get(i - 2).endSample();
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

package io.greenscribe.vad;

import java.util.List;

/**
 * What voice activity detection decided for one file: the windows to recognize and how much of
 * the audio recognition may skip. Stored with the job, so the saving can be shown, not just logged.
 *
 * @param windows windows to recognize, in time order, not overlapping
 * @param totalSamples length of the whole audio
 */
public record SpeechPlan(List<SpeechWindow> windows, int totalSamples) {

    public SpeechPlan {
        windows = List.copyOf(windows);
        if (totalSamples < 0) {
            throw new IllegalArgumentException("totalSamples must not be negative");
        }
    }

    /** Samples the recognizer reads: inside some window's pieces. */
    public long coveredSamples() {
        return windows.stream().mapToLong(SpeechWindow::lengthSamples).sum();
    }

    /** Share of the audio outside every window, 0 to 1: the part recognition does not read. */
    public double skippedFraction() {
        return totalSamples == 0 ? 0 : 1 - coveredSamples() / (double) totalSamples;
    }
}

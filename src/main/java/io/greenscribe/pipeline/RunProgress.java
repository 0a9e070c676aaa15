package io.greenscribe.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * How far a job's run has come, read from the database so any instance answers alike.
 *
 * @param stage the stage the run entered last, or {@code null} before its first run
 * @param runStartedAt when the latest run began (the ETA counts from here), or {@code null}
 * @param audioSeconds the decoded length, known as soon as decoding ended, or {@code null}
 * @param device the device the latest run uses, or {@code null}
 * @param windows the planned windows in time order, each with its state (empty before VAD ended)
 */
public record RunProgress(
        RunStage stage, Instant runStartedAt, Double audioSeconds, String device, List<PlannedWindow> windows) {

    public RunProgress {
        windows = List.copyOf(windows);
    }

    static final RunProgress NONE = new RunProgress(null, null, null, null, List.of());

    public int windowsDone() {
        return (int) windows.stream()
                .filter(w -> w.state() == PlannedWindow.State.DONE)
                .count();
    }

    public int windowsRunning() {
        return (int) windows.stream()
                .filter(w -> w.state() == PlannedWindow.State.RUNNING)
                .count();
    }

    public int windowsTotal() {
        return windows.size();
    }

    /** Speech seconds of the recognized windows over those of all windows; 0 before VAD ended. */
    public double speechFractionDone() {
        double all = windows.stream().mapToDouble(PlannedWindow::speechSeconds).sum();
        double done = windows.stream()
                .filter(w -> w.state() == PlannedWindow.State.DONE)
                .mapToDouble(PlannedWindow::speechSeconds)
                .sum();
        return all <= 0 ? (windows.isEmpty() ? 0 : (double) windowsDone() / windows.size()) : done / all;
    }

    /**
     * One VAD window as planned in the window table.
     *
     * @param index its position in the job
     * @param startSeconds where its first piece starts in the audio
     * @param endSeconds where its last piece ends
     * @param speechSeconds the audio it reads (its pieces, not the pauses cut out between them)
     * @param state PENDING, RUNNING (handed to the recognizer) or DONE (its result committed)
     */
    public record PlannedWindow(int index, double startSeconds, double endSeconds, double speechSeconds, State state) {

        public enum State {
            PENDING,
            RUNNING,
            DONE
        }
    }
}

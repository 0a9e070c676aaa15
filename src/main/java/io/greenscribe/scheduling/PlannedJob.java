package io.greenscribe.scheduling;

import io.greenscribe.scheduling.SchedulingDecision.Reason;
import java.time.Instant;
import java.util.List;

/**
 * A job that holds or may hold a capacity booking, as the job store reports it to the scheduler.
 *
 * @param request what it asked for
 * @param state where it stands
 * @param version the row's version: a re-plan is written only onto the row as it was read
 * @param runAt its planned start
 * @param startedAt when its current run started, or {@code null}
 * @param reason the reason stored with its decision, or {@code null}
 * @param expectedIntensity the intensity its decision expected, or {@code null}
 * @param pieces the stretches an interruptible job is planned in; empty for one run
 */
public record PlannedJob(
        SchedulingRequest request,
        State state,
        long version,
        Instant runAt,
        Instant startedAt,
        Reason reason,
        Double expectedIntensity,
        List<RunPiece> pieces) {

    public PlannedJob {
        pieces = pieces == null ? List.of() : List.copyOf(pieces);
    }

    /** The job states the scheduler books. */
    public enum State {
        WAITING,
        QUEUED,
        RUNNING
    }

    /** A running job occupies the device from its start; any other from its run_at. */
    Instant occupiesFrom() {
        return state == State.RUNNING && startedAt != null ? startedAt : runAt;
    }
}

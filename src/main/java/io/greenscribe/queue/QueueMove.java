package io.greenscribe.queue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The status moves the queue makes in SQL. The queue does not know the job module, so the states
 * are named here as the {@code status} column holds them; the job module's transition table keeps
 * a move of the same name and checks at start-up (and in a test) that each of these agrees with it,
 * so a statement here cannot move a job in a way the table forbids.
 */
public enum QueueMove {
    /** A waiting job's planned start came. */
    PROMOTE("QUEUED", "WAITING_FOR_WINDOW"),
    /** A worker takes a runnable job. */
    CLAIM("RUNNING", "QUEUED"),
    /** A running job goes back to the queue: lease ran out, transient failure, graceful shutdown. */
    HAND_BACK("QUEUED", "RUNNING"),
    /** An interruptible job's planned stretch ended: it waits, windows kept, for its next one. */
    PAUSE("WAITING_FOR_WINDOW", "RUNNING");

    private final String to;
    private final List<String> from;

    QueueMove(String to, String... from) {
        this.to = to;
        this.from = List.of(from);
    }

    public String to() {
        return to;
    }

    public List<String> from() {
        return from;
    }

    /** {@code status = 'TO'}, for a statement's {@code set} list. */
    String set() {
        return "status = '" + to + "'";
    }

    /**
     * Writes this move's event for every row of the CTE {@code moved} (columns {@code id},
     * {@code attempts}, {@code worker}) in the same statement as the move, and returns the moved ids;
     * the statement binds {@code :at} and {@code :reason}. The job event log is the job room's
     * table; the queue writes the rows of its own moves, so a move never commits without its event.
     */
    String logged(String movedCte) {
        if (from.size() != 1) {
            throw new IllegalStateException(this + " starts from several states; its event needs the row's own");
        }
        return "with moved as (" + movedCte + ") insert into job_event "
                + "(job_id, at, transition, from_status, to_status, attempt, worker_id, reason) "
                + "select id, :at, '" + name() + "', '" + from.get(0) + "', '" + to + "', attempts, worker, :reason "
                + "from moved returning job_id";
    }

    /** {@code status in ('A', 'B')}, for a statement's {@code where}; {@code alias} qualifies the column. */
    String guard(String alias) {
        String column = alias.isEmpty() ? "status" : alias + ".status";
        return from.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", column + " in (", ")"));
    }
}

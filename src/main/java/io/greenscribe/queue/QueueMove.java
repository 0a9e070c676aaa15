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
    HAND_BACK("QUEUED", "RUNNING");

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

    /** {@code status in ('A', 'B')}, for a statement's {@code where}; {@code alias} qualifies the column. */
    String guard(String alias) {
        String column = alias.isEmpty() ? "status" : alias + ".status";
        return from.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", column + " in (", ")"));
    }
}

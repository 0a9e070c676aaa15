package io.greenscribe.scheduling;

import java.time.Instant;
import java.util.Objects;

/**
 * One stretch of time an interruptible job may run in: the schedule gives such a job its run as
 * pieces, and its worker pauses it at the first window boundary outside them while a later piece
 * is still to come.
 *
 * @param from the piece's start
 * @param to its end, after {@code from}
 */
public record RunPiece(Instant from, Instant to) {

    public RunPiece {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a run piece ends after it starts: " + from + " .. " + to);
        }
    }
}

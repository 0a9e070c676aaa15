package io.greenscribe.carbon;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One forecast (or recorded) period with a constant carbon intensity.
 *
 * @param start inclusive start
 * @param end exclusive end, after {@code start}
 * @param gCo2PerKwh intensity in grams CO2(e) per kWh, finite and not negative
 */
public record IntensitySlot(Instant start, Instant end, double gCo2PerKwh) {

    public IntensitySlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("slot end " + end + " must be after start " + start);
        }
        if (!Double.isFinite(gCo2PerKwh) || gCo2PerKwh < 0) {
            throw new IllegalArgumentException("intensity must be finite and >= 0, was " + gCo2PerKwh);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** This slot cut to {@code [from, to)}; the caller checks that they overlap. */
    public IntensitySlot within(Instant from, Instant to) {
        return new IntensitySlot(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end, gCo2PerKwh);
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}

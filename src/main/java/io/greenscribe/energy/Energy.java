package io.greenscribe.energy;

import java.time.Duration;

/**
 * Energy used over a measurement.
 *
 * @param joules energy in joules, not negative
 * @param elapsed the wall time measured
 * @param method how it was obtained
 * @param detail what exactly was measured (domains, devices, assumptions)
 */
public record Energy(double joules, Duration elapsed, MeasurementMethod method, String detail) {

    public static final double JOULES_PER_WATT_HOUR = 3600.0;

    public Energy {
        if (!(joules >= 0) || Double.isInfinite(joules)) {
            throw new IllegalArgumentException("energy must be finite and >= 0 J, was " + joules);
        }
    }

    public double wattHours() {
        return joules / JOULES_PER_WATT_HOUR;
    }

    public double kilowattHours() {
        return wattHours() / 1000.0;
    }

    /** Mean power over the measurement, or 0 for an empty one. */
    public double averageWatts() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? joules / s : 0;
    }

    /** Both together (e.g. CPU and GPU over the same run). */
    public Energy plus(Energy other) {
        Duration longer = elapsed.compareTo(other.elapsed) >= 0 ? elapsed : other.elapsed;
        return new Energy(joules + other.joules, longer, MeasurementMethod.COMBINED,
                method + "(" + detail + ") + " + other.method + "(" + other.detail + ")");
    }
}

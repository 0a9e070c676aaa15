package io.greenscribe.energy;

import java.time.Instant;
import java.util.List;

/**
 * A meter's reading at the start of a measurement, handed back to {@link EnergyMeter#stop}.
 *
 * @param method the meter that took it
 * @param takenAt when
 * @param counters the meter's cumulative counters in joules (one per domain or device)
 * @param parts samples of the meters inside a combined meter, else empty
 */
public record EnergySample(MeasurementMethod method, Instant takenAt, List<Double> counters, List<EnergySample> parts) {

    public EnergySample {
        counters = List.copyOf(counters);
        parts = List.copyOf(parts);
    }

    public static EnergySample of(MeasurementMethod method, Instant takenAt, List<Double> counters) {
        return new EnergySample(method, takenAt, counters, List.of());
    }
}

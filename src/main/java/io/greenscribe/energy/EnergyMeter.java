package io.greenscribe.energy;

/**
 * Measures the energy a piece of work uses: {@link #start()} before, {@link #stop} after.
 * Implementations live in sub-packages named for their technology and are chosen by
 * {@code greenscribe.energy.meter}. They are thread-safe; overlapping measurements are allowed
 * (machine-level meters then count shared consumption in each).
 */
public interface EnergyMeter {

    EnergySample start();

    Energy stop(EnergySample start);

    MeasurementMethod method();
}

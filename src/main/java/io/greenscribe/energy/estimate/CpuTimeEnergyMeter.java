package io.greenscribe.energy.estimate;

import io.greenscribe.energy.Energy;
import io.greenscribe.energy.EnergyMeter;
import io.greenscribe.energy.EnergySample;
import io.greenscribe.energy.MeasurementMethod;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * CodeCarbon's fallback, per process: a busy core draws its share of the CPU's TDP, so energy =
 * process CPU seconds × TDP ÷ logical cores. It ignores idle power, memory and turbo, and the TDP
 * is a configured figure (85 W, CodeCarbon's constant for an unknown CPU, unless set). On a VM it
 * divides a whole chip's TDP by the few cores the VM sees, so it is opt-in only
 * ({@code greenscribe.energy.meter=tdp}); {@link PowerModelEnergyMeter} is the default fallback.
 */
public final class CpuTimeEnergyMeter implements EnergyMeter {

    private final LongSupplier cpuNanos;
    private final double tdpWatts;
    private final int logicalCores;
    private final Clock clock;

    public CpuTimeEnergyMeter(LongSupplier cpuNanos, double tdpWatts, int logicalCores, Clock clock) {
        if (tdpWatts <= 0 || logicalCores <= 0) {
            throw new IllegalArgumentException("TDP and core count must be positive");
        }
        this.cpuNanos = cpuNanos;
        this.tdpWatts = tdpWatts;
        this.logicalCores = logicalCores;
        this.clock = clock;
    }

    /** This JVM's CPU time, from the platform MXBean. */
    public static LongSupplier processCpuTime() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os::getProcessCpuTime;
    }

    public double wattsPerBusyCore() {
        return tdpWatts / logicalCores;
    }

    @Override
    public EnergySample start() {
        return EnergySample.of(method(), clock.instant(), List.of(cpuNanos.getAsLong() / 1e9));
    }

    @Override
    public Energy stop(EnergySample start) {
        double cpuSeconds =
                Math.max(0, cpuNanos.getAsLong() / 1e9 - start.counters().get(0));
        return Energy.cpu(
                cpuSeconds * wattsPerBusyCore(),
                Duration.between(start.takenAt(), clock.instant()),
                method(),
                String.format("%.1f CPU-s × %.0f W TDP / %d cores (estimate)", cpuSeconds, tdpWatts, logicalCores));
    }

    @Override
    public MeasurementMethod method() {
        return MeasurementMethod.CPU_TIME_ESTIMATE;
    }
}

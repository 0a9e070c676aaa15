package io.greenscribe.energy.estimate;

import io.greenscribe.energy.Energy;
import io.greenscribe.energy.EnergyMeter;
import io.greenscribe.energy.EnergySample;
import io.greenscribe.energy.MeasurementMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Cloud Carbon Footprint's compute model for a machine with no power counter: each of the vCPUs this
 * process may use draws {@code min + u × (max − min)} W, u being the process's CPU time over the
 * vCPU time that passed, so energy = vCPUs × min × wall time + (max − min) × CPU time (CPU time
 * capped at vCPUs × wall time). The idle term is charged because the vCPUs are reserved whether busy
 * or not. Memory draws a fixed W per GB of the process's resident memory, integrated over time from
 * the readings taken at every start and stop and at each {@link #poll()} (the configuration polls every
 * few seconds; between readings the resident set is taken to change linearly). The coefficients come from {@link PowerCoefficients}; no PUE here (the meter that
 * wraps this one applies it to every meter alike).
 */
public final class PowerModelEnergyMeter implements EnergyMeter {

    private static final double BYTES_PER_GB = 1e9;

    private final LongSupplier cpuNanos;
    private final LongSupplier residentBytes;
    private final int vcpus;
    private final PowerCoefficients.CpuPower cpu;
    private final double memoryWattsPerGb;
    private final Clock clock;
    private Instant lastAt;
    private double lastGb;
    private double gbSeconds; // running integral of resident GB over time

    public PowerModelEnergyMeter(
            LongSupplier cpuNanos,
            LongSupplier residentBytes,
            int vcpus,
            PowerCoefficients.CpuPower cpu,
            double memoryWattsPerGb,
            Clock clock) {
        if (vcpus <= 0 || memoryWattsPerGb < 0) {
            throw new IllegalArgumentException("need vCPUs > 0 and W/GB >= 0");
        }
        this.cpuNanos = cpuNanos;
        this.residentBytes = residentBytes;
        this.vcpus = vcpus;
        this.cpu = cpu;
        this.memoryWattsPerGb = memoryWattsPerGb;
        this.clock = clock;
        poll();
    }

    /** Reads the resident set and adds GB × seconds since the last reading. */
    public synchronized void poll() {
        Instant now = clock.instant();
        double gb = residentBytes.getAsLong() / BYTES_PER_GB;
        if (lastAt != null) {
            gbSeconds += (lastGb + gb)
                    / 2
                    * Math.max(0, Duration.between(lastAt, now).toNanos() / 1e9);
        }
        lastAt = now;
        lastGb = gb;
    }

    /**
     * This process's resident set from {@code /proc/self/statm} (pages × page size 4 KiB), or the
     * JVM's committed heap and non-heap where that file does not exist.
     */
    public static LongSupplier processResidentBytes() {
        Path statm = Path.of("/proc/self/statm");
        if (Files.isReadable(statm)) {
            return () -> {
                try {
                    String[] f = Files.readString(statm).trim().split("\\s+");
                    return Long.parseLong(f[1]) * 4096L;
                } catch (IOException | RuntimeException e) {
                    return 0L;
                }
            };
        }
        var mem = java.lang.management.ManagementFactory.getMemoryMXBean();
        return () -> mem.getHeapMemoryUsage().getCommitted()
                + mem.getNonHeapMemoryUsage().getCommitted();
    }

    /** The "model name" of {@code /proc/cpuinfo}, or null where it cannot be read. */
    public static String cpuModelName(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    public PowerCoefficients.CpuPower cpu() {
        return cpu;
    }

    public int vcpus() {
        return vcpus;
    }

    /** The model as one human string, e.g. "2 vCPU × (0.74 + u × 2.76) W, AWS average, CCF". */
    public String formula() {
        return String.format(
                Locale.ROOT,
                "%d vCPU × (%s + u × %s) W, %s, %s",
                vcpus,
                num(cpu.minWatts()),
                num(cpu.maxWatts() - cpu.minWatts()),
                cpu.name(),
                cpu.source());
    }

    @Override
    public synchronized EnergySample start() {
        poll();
        return EnergySample.of(method(), lastAt, List.of(cpuNanos.getAsLong() / 1e9, gbSeconds));
    }

    @Override
    public synchronized Energy stop(EnergySample start) {
        poll();
        Duration elapsed = Duration.between(start.takenAt(), lastAt);
        double wall = Math.max(0, elapsed.toNanos() / 1e9);
        double cpuSeconds = Math.min(
                Math.max(0, cpuNanos.getAsLong() / 1e9 - start.counters().get(0)), vcpus * wall);
        double utilisation = wall > 0 ? cpuSeconds / (vcpus * wall) : 0;
        double cpuJoules = vcpus * cpu.minWatts() * wall + (cpu.maxWatts() - cpu.minWatts()) * cpuSeconds;
        double gbSeconds = this.gbSeconds - start.counters().get(1);
        double gb = wall > 0 ? gbSeconds / wall : lastGb;
        double memoryJoules = memoryWattsPerGb * gbSeconds;
        String detail = String.format(
                Locale.ROOT,
                "power model: %s; u = %.3f (%.1f CPU-s over %.1f s); memory %s W/GB × %.2f GB resident (mean), CCF",
                formula(),
                utilisation,
                cpuSeconds,
                wall,
                num(memoryWattsPerGb),
                gb);
        return new Energy(cpuJoules, memoryJoules, 0, elapsed, method(), detail, null);
    }

    @Override
    public MeasurementMethod method() {
        return MeasurementMethod.POWER_MODEL;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

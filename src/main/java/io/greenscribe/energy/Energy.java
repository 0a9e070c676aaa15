package io.greenscribe.energy;

import java.time.Duration;

/**
 * Energy used over a measurement, split by what drew it.
 *
 * @param cpuJoules CPU energy in joules (RAPL package, or the power model's vCPU term)
 * @param memoryJoules memory energy in joules (RAPL DRAM, or the power model's resident-memory term)
 * @param gpuJoules GPU energy in joules (NVML)
 * @param elapsed the wall time measured
 * @param method how it was obtained
 * @param detail what exactly was measured, with the coefficients when estimated, as one human string
 * @param modelToCounter the power model's estimate over the counters' reading for the same stretch,
 *     where both were taken (calibration), else {@code null}
 */
public record Energy(
        double cpuJoules,
        double memoryJoules,
        double gpuJoules,
        Duration elapsed,
        MeasurementMethod method,
        String detail,
        Double modelToCounter) {

    public static final double JOULES_PER_WATT_HOUR = 3600.0;

    public Energy {
        check(cpuJoules, "CPU");
        check(memoryJoules, "memory");
        check(gpuJoules, "GPU");
    }

    /** CPU energy only (RAPL package, the TDP-share estimate). */
    public static Energy cpu(double joules, Duration elapsed, MeasurementMethod method, String detail) {
        return new Energy(joules, 0, 0, elapsed, method, detail, null);
    }

    /** GPU energy only (NVML). */
    public static Energy gpu(double joules, Duration elapsed, MeasurementMethod method, String detail) {
        return new Energy(0, 0, joules, elapsed, method, detail, null);
    }

    private static void check(double joules, String part) {
        if (!(joules >= 0) || Double.isInfinite(joules)) {
            throw new IllegalArgumentException(part + " energy must be finite and >= 0 J, was " + joules);
        }
    }

    public double joules() {
        return cpuJoules + memoryJoules + gpuJoules;
    }

    public double wattHours() {
        return joules() / JOULES_PER_WATT_HOUR;
    }

    public double kilowattHours() {
        return wattHours() / 1000.0;
    }

    /** Mean power over the measurement, or 0 for an empty one. */
    public double averageWatts() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? joules() / s : 0;
    }

    /** The same energy, every part scaled by {@code factor}, with a new detail (PUE, a job's share). */
    public Energy scaled(double factor, String newDetail) {
        return new Energy(
                cpuJoules * factor,
                memoryJoules * factor,
                gpuJoules * factor,
                elapsed,
                method,
                newDetail,
                modelToCounter);
    }

    /** The same figures under another detail. */
    public Energy withDetail(String newDetail) {
        return scaled(1, newDetail);
    }

    /** Both together (e.g. CPU and GPU over the same run); a calibration ratio is kept. */
    public Energy plus(Energy other) {
        Duration longer = elapsed.compareTo(other.elapsed) >= 0 ? elapsed : other.elapsed;
        return new Energy(
                cpuJoules + other.cpuJoules,
                memoryJoules + other.memoryJoules,
                gpuJoules + other.gpuJoules,
                longer,
                MeasurementMethod.COMBINED,
                method + "(" + detail + ") + " + other.method + "(" + other.detail + ")",
                modelToCounter != null ? modelToCounter : other.modelToCounter);
    }
}

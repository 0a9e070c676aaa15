package io.greenscribe.energy;

/** How an energy figure was obtained; every figure carries one. */
public enum MeasurementMethod {
    /** Measured: Linux powercap RAPL counters, whole CPU package(s). */
    RAPL,
    /** Measured: GPU board power sampled through nvidia-smi (NVML) and integrated. */
    NVML,
    /** Estimated: process CPU time × a per-core share of the CPU's TDP (CodeCarbon's fallback). */
    CPU_TIME_ESTIMATE,
    /** The sum of several of the above; the detail names them. */
    COMBINED
}

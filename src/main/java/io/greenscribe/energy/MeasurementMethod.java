package io.greenscribe.energy;

/** How an energy figure was obtained; every figure carries one. */
public enum MeasurementMethod {
    /** Measured: Linux powercap RAPL counters, CPU package(s) and DRAM where exposed. */
    RAPL,
    /** Measured: GPU board power sampled through nvidia-smi (NVML) and integrated. */
    NVML,
    /**
     * Estimated: Cloud Carbon Footprint's per-vCPU power model, min + u × (max − min) per vCPU, plus
     * resident memory at a fixed W/GB (the fallback where no counter can be read).
     */
    POWER_MODEL,
    /** Estimated: process CPU time × a per-core share of the CPU's TDP (CodeCarbon's fallback); opt-in only. */
    CPU_TIME_ESTIMATE,
    /** The sum of several of the above; the detail names them. */
    COMBINED
}

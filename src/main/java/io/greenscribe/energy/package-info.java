/**
 * Energy accounting: the {@link io.greenscribe.energy.EnergyMeter} SPI (RAPL, NVML via nvidia-smi,
 * CPU-time estimate) and the per-job {@link io.greenscribe.energy.CarbonFootprint}.
 */
package io.greenscribe.energy;

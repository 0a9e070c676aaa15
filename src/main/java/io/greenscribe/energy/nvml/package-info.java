/** NVIDIA GPU board power sampled through {@code nvidia-smi} (NVML) and integrated over time. */
package io.greenscribe.energy.nvml;

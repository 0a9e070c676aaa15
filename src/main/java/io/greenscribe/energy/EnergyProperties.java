package io.greenscribe.energy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Energy metering settings ({@code greenscribe.energy.*}).
 *
 * @param meter which meter; AUTO takes RAPL where readable, else the CPU-time estimate
 * @param gpu add the GPU (nvidia-smi) to the chosen CPU meter when a GPU is present
 * @param powercapRoot where the RAPL domains live
 * @param raplPollInterval how often RAPL counters are read (must be shorter than their wrap period)
 * @param nvmlPollInterval how often GPU power is sampled
 * @param tdpWatts CPU TDP for the estimate
 * @param logicalCores logical cores sharing that TDP; 0 means as many as the JVM sees
 */
@ConfigurationProperties("greenscribe.energy")
public record EnergyProperties(
        @DefaultValue("AUTO") MeterKind meter,
        @DefaultValue("true") boolean gpu,
        @DefaultValue("/sys/class/powercap") Path powercapRoot,
        @DefaultValue("60s") Duration raplPollInterval,
        @DefaultValue("1s") Duration nvmlPollInterval,
        @DefaultValue("85") double tdpWatts,
        @DefaultValue("0") int logicalCores) {

    /** The meters to choose from. */
    public enum MeterKind { AUTO, RAPL, NVML, ESTIMATE }
}

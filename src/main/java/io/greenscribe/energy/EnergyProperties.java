package io.greenscribe.energy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Energy metering settings ({@code greenscribe.energy.*}). Coefficients left unset come from
 * {@code energy/power-model.properties}, where each names its source (docs/energy-accounting.md).
 *
 * @param meter which meter; AUTO takes RAPL where readable, else the power model (ESTIMATE)
 * @param gpu add the GPU (nvidia-smi) to the chosen CPU meter when a GPU is present
 * @param calibrate where a counter is read, run the power model alongside and record its ratio to the counter
 * @param powercapRoot where the RAPL domains live
 * @param raplPollInterval how often RAPL counters are read (must be shorter than their wrap period)
 * @param nvmlPollInterval how often GPU power is sampled
 * @param memoryPollInterval how often the power model reads the resident set between a job's start and stop
 * @param cpuinfo where the CPU's model name is read
 * @param cpuModel the CPU model name to look up instead of the detected one; blank to detect
 * @param unknownCpu whose average stands for a CPU no pattern matches: aws, gcp or azure; blank for the data file's
 * @param vcpus vCPUs the power model charges; 0 means as many as the JVM sees
 * @param site where the server runs, for its PUE: on-premises, aws, gcp or azure
 * @param pue the PUE to use instead of the site's published one
 * @param tdpWatts CPU TDP for the opt-in TDP-share estimate ({@code meter=tdp})
 * @param logicalCores logical cores sharing that TDP; 0 means as many as the JVM sees
 * @param embodied the hardware's embodied emissions (SCI's M)
 */
@ConfigurationProperties("greenscribe.energy")
public record EnergyProperties(
        @DefaultValue("AUTO") MeterKind meter,
        @DefaultValue("true") boolean gpu,
        @DefaultValue("true") boolean calibrate,
        @DefaultValue("/sys/class/powercap") Path powercapRoot,
        @DefaultValue("60s") Duration raplPollInterval,
        @DefaultValue("1s") Duration nvmlPollInterval,
        @DefaultValue("5s") Duration memoryPollInterval,
        @DefaultValue("/proc/cpuinfo") Path cpuinfo,
        @DefaultValue("") String cpuModel,
        @DefaultValue("") String unknownCpu,
        @DefaultValue("0") int vcpus,
        @DefaultValue("on-premises") String site,
        Double pue,
        @DefaultValue("85") double tdpWatts,
        @DefaultValue("0") int logicalCores,
        @DefaultValue Embodied embodied) {

    /** The server's defaults, for the command line (which has no Spring); kept equal to the annotations above. */
    public static EnergyProperties defaults() {
        return new EnergyProperties(
                MeterKind.AUTO,
                true,
                true,
                Path.of("/sys/class/powercap"),
                Duration.ofSeconds(60),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Path.of("/proc/cpuinfo"),
                "",
                "",
                0,
                "on-premises",
                null,
                85,
                0,
                new Embodied(true, null, null, 0));
    }

    /** The meters to choose from; ESTIMATE is the power model, TDP CodeCarbon's TDP share. */
    public enum MeterKind {
        AUTO,
        RAPL,
        NVML,
        ESTIMATE,
        TDP
    }

    /**
     * @param enabled whether M is computed at all
     * @param serverKgco2e the server's embodied emissions, kgCO2e; unset for the data file's
     * @param lifetimeYears its expected lifespan, years; unset for the data file's
     * @param serverVcpus vCPUs of the whole server; 0 means the vCPUs this process sees (the server is all
     *     ours). On a cloud VM set the host's count, or every job carries the whole server's share.
     */
    public record Embodied(
            @DefaultValue("true") boolean enabled,
            Double serverKgco2e,
            Double lifetimeYears,
            @DefaultValue("0") int serverVcpus) {}
}

package io.greenscribe.energy;

import io.greenscribe.energy.estimate.CpuTimeEnergyMeter;
import io.greenscribe.energy.estimate.PowerCoefficients;
import io.greenscribe.energy.estimate.PowerModelEnergyMeter;
import io.greenscribe.energy.nvml.NvidiaSmiEnergyMeter;
import io.greenscribe.energy.rapl.RaplEnergyMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the meter the settings ask for; the server's configuration and the command line share it. */
public final class EnergyMeters {

    private static final Logger log = LoggerFactory.getLogger(EnergyMeters.class);

    private EnergyMeters() {}

    /**
     * Counters first (RAPL for the CPU and DRAM, nvidia-smi for the GPU), with the power model read
     * alongside a counter to calibrate it; the power model alone where no counter can be read; the
     * site's PUE over whichever was chosen. Counters are polled on {@code poller}.
     */
    public static EnergyMeter choose(
            EnergyProperties props, PowerCoefficients coefficients, Clock clock, ScheduledExecutorService poller) {
        NvidiaSmiEnergyMeter.CommandRunner smi = NvidiaSmiEnergyMeter.CommandRunner.process(Duration.ofSeconds(5));
        List<EnergyMeter> meters = new ArrayList<>();
        switch (props.meter()) {
            case RAPL -> meters.add(calibrated(props, rapl(props, clock, poller), coefficients, clock, poller));
            case NVML -> meters.add(nvml(props, clock, smi, poller));
            case ESTIMATE -> meters.add(powerModel(props, coefficients, clock, poller));
            case TDP -> meters.add(tdpShare(props, clock));
            case AUTO ->
                meters.add(
                        RaplEnergyMeter.readable(props.powercapRoot())
                                ? calibrated(props, rapl(props, clock, poller), coefficients, clock, poller)
                                : powerModel(props, coefficients, clock, poller));
        }
        if (props.gpu() && props.meter() != EnergyProperties.MeterKind.NVML && NvidiaSmiEnergyMeter.present(smi)) {
            meters.add(nvml(props, clock, smi, poller));
        }
        EnergyMeter chosen = meters.size() == 1 ? meters.get(0) : new CombinedEnergyMeter(meters);
        double pue = props.pue() != null ? props.pue() : coefficients.pue(props.site());
        String site = props.pue() != null ? "configured" : props.site() + ", CCF";
        log.info(
                "Energy meter: {}, PUE {} ({})",
                meters.stream().map(EnergyMeter::method).toList(),
                pue,
                site);
        return new PueEnergyMeter(chosen, pue, site);
    }

    /** The vCPUs the power model and the embodied share count. */
    static int vcpus(EnergyProperties props) {
        return props.vcpus() > 0 ? props.vcpus() : Runtime.getRuntime().availableProcessors();
    }

    private static EnergyMeter calibrated(
            EnergyProperties props,
            EnergyMeter counter,
            PowerCoefficients coefficients,
            Clock clock,
            ScheduledExecutorService poller) {
        return props.calibrate()
                ? new CalibratedEnergyMeter(counter, powerModel(props, coefficients, clock, poller))
                : counter;
    }

    private static PowerModelEnergyMeter powerModel(
            EnergyProperties props, PowerCoefficients coefficients, Clock clock, ScheduledExecutorService poller) {
        String model =
                props.cpuModel().isBlank() ? PowerModelEnergyMeter.cpuModelName(props.cpuinfo()) : props.cpuModel();
        PowerModelEnergyMeter m = new PowerModelEnergyMeter(
                CpuTimeEnergyMeter.processCpuTime(),
                PowerModelEnergyMeter.processResidentBytes(),
                vcpus(props),
                coefficients.cpu(model, props.unknownCpu()),
                coefficients.memoryWattsPerGb(),
                clock);
        schedule(poller, m::poll, props.memoryPollInterval());
        log.info("Power model for CPU '{}': {}", model, m.formula());
        return m;
    }

    private static EnergyMeter rapl(EnergyProperties props, Clock clock, ScheduledExecutorService poller) {
        RaplEnergyMeter m = new RaplEnergyMeter(props.powercapRoot(), clock);
        schedule(poller, m::poll, props.raplPollInterval());
        return m;
    }

    private static EnergyMeter nvml(
            EnergyProperties props,
            Clock clock,
            NvidiaSmiEnergyMeter.CommandRunner smi,
            ScheduledExecutorService poller) {
        NvidiaSmiEnergyMeter m = new NvidiaSmiEnergyMeter(smi, clock);
        schedule(poller, m::poll, props.nvmlPollInterval());
        return m;
    }

    private static EnergyMeter tdpShare(EnergyProperties props, Clock clock) {
        int cores = props.logicalCores() > 0
                ? props.logicalCores()
                : Runtime.getRuntime().availableProcessors();
        return new CpuTimeEnergyMeter(CpuTimeEnergyMeter.processCpuTime(), props.tdpWatts(), cores, clock);
    }

    private static void schedule(ScheduledExecutorService poller, Runnable poll, Duration every) {
        poller.scheduleAtFixedRate(
                () -> {
                    try {
                        poll.run();
                    } catch (RuntimeException e) {
                        log.warn("Energy counter poll failed: {}", e.getMessage());
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}

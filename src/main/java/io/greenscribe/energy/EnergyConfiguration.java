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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the best meter this machine offers, keeps the counter-based meters polled, and sizes SCI's M. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnergyProperties.class)
class EnergyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EnergyConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService energyPoller() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "energy-poller");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    PowerCoefficients powerCoefficients() {
        return PowerCoefficients.load();
    }

    /**
     * Counters first (RAPL for the CPU and DRAM, nvidia-smi for the GPU), with the power model read
     * alongside a counter to calibrate it; the power model alone where no counter can be read; the
     * site's PUE over whichever was chosen.
     */
    @Bean
    EnergyMeter energyMeter(EnergyProperties props, PowerCoefficients coefficients, ObjectProvider<Clock> clocks,
            ScheduledExecutorService energyPoller) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        NvidiaSmiEnergyMeter.CommandRunner smi = NvidiaSmiEnergyMeter.CommandRunner.process(Duration.ofSeconds(5));
        List<EnergyMeter> meters = new ArrayList<>();
        switch (props.meter()) {
            case RAPL -> meters.add(calibrated(props, rapl(props, clock, energyPoller), coefficients, clock));
            case NVML -> meters.add(nvml(props, clock, smi, energyPoller));
            case ESTIMATE -> meters.add(powerModel(props, coefficients, clock));
            case TDP -> meters.add(tdpShare(props, clock));
            case AUTO -> meters.add(RaplEnergyMeter.readable(props.powercapRoot())
                    ? calibrated(props, rapl(props, clock, energyPoller), coefficients, clock)
                    : powerModel(props, coefficients, clock));
        }
        if (props.gpu() && props.meter() != EnergyProperties.MeterKind.NVML && NvidiaSmiEnergyMeter.present(smi)) {
            meters.add(nvml(props, clock, smi, energyPoller));
        }
        EnergyMeter chosen = meters.size() == 1 ? meters.get(0) : new CombinedEnergyMeter(meters);
        double pue = props.pue() != null ? props.pue() : coefficients.pue(props.site());
        String site = props.pue() != null ? "configured" : props.site() + ", CCF";
        log.info("Energy meter: {}, PUE {} ({})", meters.stream().map(EnergyMeter::method).toList(), pue, site);
        return new PueEnergyMeter(chosen, pue, site);
    }

    /** SCI's M for this instance's jobs, or none when switched off. */
    @Bean
    EmbodiedEmissions embodiedEmissions(EnergyProperties props, PowerCoefficients coefficients) {
        EnergyProperties.Embodied e = props.embodied();
        if (!e.enabled()) {
            return new EmbodiedEmissions(0, Duration.ofDays(1), 1, 1, "switched off");
        }
        boolean own = e.serverKgco2e() == null && e.lifetimeYears() == null;
        double kg = e.serverKgco2e() != null ? e.serverKgco2e() : coefficients.serverEmbodiedKgCo2e();
        double years = e.lifetimeYears() != null ? e.lifetimeYears() : coefficients.serverLifetimeYears();
        int reserved = vcpus(props);
        int server = e.serverVcpus() > 0 ? Math.max(e.serverVcpus(), reserved) : reserved;
        return new EmbodiedEmissions(kg * 1000, Duration.ofSeconds(Math.round(years * 365 * 24 * 3600)), reserved,
                server, own ? "Teads/CCF rack-server baseline" : "configured");
    }

    /** The jobs of this instance share the meter; see {@link SharedEnergyMeter} for how they are told apart. */
    @Bean
    SharedEnergyMeter sharedEnergyMeter(EnergyMeter energyMeter) {
        return new SharedEnergyMeter(energyMeter);
    }

    private static EnergyMeter rapl(EnergyProperties props, Clock clock, ScheduledExecutorService poller) {
        RaplEnergyMeter m = new RaplEnergyMeter(props.powercapRoot(), clock);
        schedule(poller, m::poll, props.raplPollInterval());
        return m;
    }

    private static EnergyMeter nvml(EnergyProperties props, Clock clock, NvidiaSmiEnergyMeter.CommandRunner smi,
            ScheduledExecutorService poller) {
        NvidiaSmiEnergyMeter m = new NvidiaSmiEnergyMeter(smi, clock);
        schedule(poller, m::poll, props.nvmlPollInterval());
        return m;
    }

    private static EnergyMeter calibrated(EnergyProperties props, EnergyMeter counter, PowerCoefficients coefficients,
            Clock clock) {
        return props.calibrate() ? new CalibratedEnergyMeter(counter, powerModel(props, coefficients, clock)) : counter;
    }

    static PowerModelEnergyMeter powerModel(EnergyProperties props, PowerCoefficients coefficients, Clock clock) {
        String model = props.cpuModel().isBlank() ? PowerModelEnergyMeter.cpuModelName(props.cpuinfo()) : props.cpuModel();
        PowerModelEnergyMeter m = new PowerModelEnergyMeter(CpuTimeEnergyMeter.processCpuTime(),
                PowerModelEnergyMeter.processResidentBytes(), vcpus(props), coefficients.cpu(model, props.unknownCpu()),
                coefficients.memoryWattsPerGb(), clock);
        log.info("Power model for CPU '{}': {}", model, m.formula());
        return m;
    }

    private static int vcpus(EnergyProperties props) {
        return props.vcpus() > 0 ? props.vcpus() : Runtime.getRuntime().availableProcessors();
    }

    private static EnergyMeter tdpShare(EnergyProperties props, Clock clock) {
        int cores = props.logicalCores() > 0 ? props.logicalCores() : Runtime.getRuntime().availableProcessors();
        return new CpuTimeEnergyMeter(CpuTimeEnergyMeter.processCpuTime(), props.tdpWatts(), cores, clock);
    }

    private static void schedule(ScheduledExecutorService poller, Runnable poll, Duration every) {
        poller.scheduleAtFixedRate(() -> {
            try {
                poll.run();
            } catch (RuntimeException e) {
                log.warn("Energy counter poll failed: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
}

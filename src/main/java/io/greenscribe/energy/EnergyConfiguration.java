package io.greenscribe.energy;

import io.greenscribe.energy.estimate.CpuTimeEnergyMeter;
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

/** Picks the best meter this machine offers, and keeps the counter-based meters polled. */
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
    EnergyMeter energyMeter(EnergyProperties props, ObjectProvider<Clock> clocks, ScheduledExecutorService energyPoller) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        NvidiaSmiEnergyMeter.CommandRunner smi = NvidiaSmiEnergyMeter.CommandRunner.process(Duration.ofSeconds(5));
        List<EnergyMeter> meters = new ArrayList<>();
        switch (props.meter()) {
            case RAPL -> meters.add(rapl(props, clock, energyPoller));
            case NVML -> meters.add(nvml(props, clock, smi, energyPoller));
            case ESTIMATE -> meters.add(estimate(props, clock));
            case AUTO -> meters.add(RaplEnergyMeter.readable(props.powercapRoot())
                    ? rapl(props, clock, energyPoller) : estimate(props, clock));
        }
        if (props.gpu() && props.meter() != EnergyProperties.MeterKind.NVML && NvidiaSmiEnergyMeter.present(smi)) {
            meters.add(nvml(props, clock, smi, energyPoller));
        }
        log.info("Energy meter: {}", meters.stream().map(EnergyMeter::method).toList());
        return meters.size() == 1 ? meters.get(0) : new CombinedEnergyMeter(meters);
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

    private static EnergyMeter estimate(EnergyProperties props, Clock clock) {
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

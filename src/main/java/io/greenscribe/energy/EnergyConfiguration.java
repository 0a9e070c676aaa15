package io.greenscribe.energy;

import io.greenscribe.energy.estimate.PowerCoefficients;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the best meter this machine offers, keeps the counter-based meters polled, and sizes SCI's M. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnergyProperties.class)
class EnergyConfiguration {

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

    /** See {@link EnergyMeters#choose}. */
    @Bean
    EnergyMeter energyMeter(
            EnergyProperties props,
            PowerCoefficients coefficients,
            ObjectProvider<Clock> clocks,
            ScheduledExecutorService energyPoller) {
        return EnergyMeters.choose(props, coefficients, clocks.getIfAvailable(Clock::systemUTC), energyPoller);
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
        int reserved = EnergyMeters.vcpus(props);
        int server = e.serverVcpus() > 0 ? Math.max(e.serverVcpus(), reserved) : reserved;
        return new EmbodiedEmissions(
                kg * 1000,
                Duration.ofSeconds(Math.round(years * 365 * 24 * 3600)),
                reserved,
                server,
                own ? "Teads/CCF rack-server baseline" : "configured");
    }

    /** The jobs of this instance share the meter; see {@link SharedEnergyMeter} for how they are told apart. */
    @Bean
    SharedEnergyMeter sharedEnergyMeter(EnergyMeter energyMeter) {
        return new SharedEnergyMeter(energyMeter);
    }
}

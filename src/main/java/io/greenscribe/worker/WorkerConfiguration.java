package io.greenscribe.worker;

import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.CarbonProperties;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.energy.EmbodiedEmissions;
import io.greenscribe.energy.SharedEnergyMeter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Running claimed jobs: pricing each run and counting it for Prometheus. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    JobCarbonAccounting jobCarbonAccounting(
            SharedEnergyMeter meter,
            CarbonIntensityFeed feed,
            CarbonProperties carbon,
            Clock clock,
            EmbodiedEmissions embodied) {
        return new JobCarbonAccounting(meter, feed, new GridZone(carbon.zone()), clock, embodied);
    }

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry) {
        return new JobMetrics(registry);
    }
}

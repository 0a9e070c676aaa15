package io.greenscribe.worker;

import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.CarbonProperties;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.energy.EmbodiedEmissions;
import io.greenscribe.energy.SharedEnergyMeter;
import io.greenscribe.job.JobProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Running claimed jobs: pricing each run, counting it for Prometheus, and notifying its callback. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    JobCarbonAccounting jobCarbonAccounting(SharedEnergyMeter meter, CarbonIntensityFeed feed, CarbonProperties carbon,
            Clock clock, EmbodiedEmissions embodied) {
        return new JobCarbonAccounting(meter, feed, new GridZone(carbon.zone()), clock, embodied);
    }

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry) {
        return new JobMetrics(registry);
    }

    @Bean
    Webhooks webhooks(JsonMapper json, JobProperties properties, Clock clock) {
        return new Webhooks(json, properties.webhookSecret(), clock, 6, Duration.ofSeconds(1));
    }
}

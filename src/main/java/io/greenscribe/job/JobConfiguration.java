package io.greenscribe.job;

import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.CarbonPlanner;
import io.greenscribe.carbon.CarbonProperties;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.energy.SharedEnergyMeter;
import io.greenscribe.pipeline.PipelineProperties;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobProperties.class)
class JobConfiguration {

    /** Carbon-aware by default; {@code greenscribe.carbon.enabled=false} runs every job as soon as it may. */
    @Bean
    @ConditionalOnMissingBean
    JobScheduling jobScheduling(ObjectProvider<CarbonPlanner> planner, CarbonProperties carbon,
            @Value("${greenscribe.carbon.enabled:true}") boolean enabled) {
        CarbonPlanner p = planner.getIfAvailable();
        return enabled && p != null ? new CarbonAwareScheduling(p, new GridZone(carbon.zone()), "default")
                : new RunNowScheduling();
    }

    @Bean
    JobCarbonAccounting jobCarbonAccounting(SharedEnergyMeter meter, CarbonIntensityFeed feed, CarbonProperties carbon,
            Clock clock) {
        return new JobCarbonAccounting(meter, feed, new GridZone(carbon.zone()), clock);
    }

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry) {
        return new JobMetrics(registry);
    }

    @Bean
    AudioInputs audioInputs(JobProperties properties) {
        return new AudioInputs(properties);
    }

    @Bean
    JobViews jobViews(TranscriptionPipeline pipeline) {
        return new JobViews(pipeline);
    }

    @Bean
    JobOptionsValidator jobOptionsValidator(TranscriptionPipeline pipeline, PipelineProperties pipelineProperties,
            JobProperties properties, Clock clock) {
        return new JobOptionsValidator(pipeline, pipelineProperties, properties, clock);
    }

    @Bean
    Webhooks webhooks(JsonMapper json, JobProperties properties, Clock clock) {
        return new Webhooks(json, properties.webhookSecret(), clock, 6, Duration.ofSeconds(1));
    }
}

package io.greenscribe.job;

import io.greenscribe.pipeline.PipelineProperties;
import io.greenscribe.pipeline.TranscriptionPipeline;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobProperties.class)
class JobConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JobScheduling jobScheduling() {
        return new RunNowScheduling();
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

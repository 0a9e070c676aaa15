package io.greenscribe.job;

import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.CarbonProperties;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.energy.SharedEnergyMeter;
import io.greenscribe.pipeline.PipelineProperties;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.scheduling.PlannedJobs;
import io.greenscribe.scheduling.PlannerFeedback;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobProperties.class)
class JobConfiguration {

    @Bean
    PlannedJobs plannedJobs(TranscriptionJobRepository jobs, TransactionTemplate tx) {
        return new PlannedJobStore(jobs, tx);
    }

    /** The planner's books follow each job: a start moves its booking to the real start, an end frees it. */
    @Bean
    JobLifecycleListener jobLifecycleListener(ObjectProvider<PlannerFeedback> feedback) {
        PlannerFeedback f = feedback.getIfAvailable();
        if (f == null) {
            return JobLifecycleListener.NONE;
        }
        return new JobLifecycleListener() {
            @Override
            public void jobStarted(TranscriptionJob job) {
                f.jobStarted(job.id, job.heartbeatAt != null ? job.heartbeatAt : job.startedAt);
            }

            @Override
            public void jobEnded(TranscriptionJob job) {
                f.jobEnded(PlannedJobStore.finished(job));
            }
        };
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

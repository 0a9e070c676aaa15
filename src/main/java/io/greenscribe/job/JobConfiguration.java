package io.greenscribe.job;

import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.CarbonPlanner;
import io.greenscribe.carbon.CarbonProperties;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.ThroughputEstimator;
import io.greenscribe.energy.SharedEnergyMeter;
import io.greenscribe.pipeline.PipelineProperties;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.worker.DeliveryLog;
import io.greenscribe.worker.EgressPolicy;
import io.greenscribe.worker.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobProperties.class)
class JobConfiguration {

    /**
     * The device id jobs are planned, booked and timed under. Every instance runs the same worker
     * pool, and which device a run lands on is known only once it ran, so the planner sees one.
     */
    static final String PLANNED_DEVICE = "default";

    /** Carbon-aware by default; {@code greenscribe.carbon.enabled=false} runs every job as soon as it may. */
    @Bean
    @ConditionalOnMissingBean
    JobScheduling jobScheduling(ObjectProvider<CarbonPlanner> planner, CarbonProperties carbon,
            @Value("${greenscribe.carbon.enabled:true}") boolean enabled) {
        CarbonPlanner p = planner.getIfAvailable();
        return enabled && p != null ? new CarbonAwareScheduling(p, new GridZone(carbon.zone()), PLANNED_DEVICE)
                : new RunNowScheduling();
    }

    @Bean
    @ConditionalOnProperty(name = "greenscribe.carbon.enabled", havingValue = "true", matchIfMissing = true)
    PlannerFeedback plannerFeedback(CarbonPlanner planner, ThroughputEstimator throughput) {
        return new PlannerFeedback(planner, throughput, PLANNED_DEVICE);
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
                f.jobStarted(job);
            }

            @Override
            public void jobEnded(TranscriptionJob job) {
                f.jobEnded(job);
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "greenscribe.carbon.enabled", havingValue = "true", matchIfMissing = true)
    PlanMaintenance planMaintenance(TranscriptionJobRepository jobs, CarbonPlanner planner, PlannerFeedback feedback,
            CarbonProperties carbon, TransactionTemplate tx, JdbcTemplate jdbc, Clock clock) {
        return new PlanMaintenance(jobs, new CarbonAwareScheduling(planner, new GridZone(carbon.zone()), PLANNED_DEVICE),
                planner, feedback, tx, new ReplanLock(jdbc), clock, carbon.replanInterval());
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
    JobViews jobViews(TranscriptionPipeline pipeline, DeliveryLog deliveries) {
        return new JobViews(pipeline, deliveries);
    }

    @Bean
    JobOptionsValidator jobOptionsValidator(TranscriptionPipeline pipeline, PipelineProperties pipelineProperties,
            EgressPolicy webhookPolicy, Clock clock) {
        return new JobOptionsValidator(pipeline, pipelineProperties, webhookPolicy, clock);
    }

    @Bean
    Webhooks webhooks(JsonMapper json, JobProperties properties, Clock clock, WebhookProperties webhooks,
            EgressPolicy policy, DeliveryLog deliveries) {
        return new Webhooks(json, properties.webhookSecret(), clock, webhooks, policy, deliveries);
    }
}

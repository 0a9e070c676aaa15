package io.greenscribe.job;

import io.greenscribe.pipeline.PipelineProperties;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.scheduling.PlannedJobs;
import io.greenscribe.scheduling.PlannerFeedback;
import io.greenscribe.webhook.DeliveryLog;
import io.greenscribe.webhook.EgressPolicy;
import io.greenscribe.webhook.WebhookProperties;
import io.greenscribe.webhook.Webhooks;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JobProperties.class, RetentionProperties.class, ProgressProperties.class})
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

    /** Sweeps every second for sync requests whose job ended on another instance. */
    @Bean
    JobCompletions jobCompletions(TranscriptionJobRepository jobs) {
        return new JobCompletions(jobs, Duration.ofSeconds(1));
    }

    @Bean
    AudioInputs audioInputs(JobProperties properties) {
        return new AudioInputs(properties);
    }

    @Bean
    JobViews jobViews(TranscriptionPipeline pipeline, DeliveryLog deliveries, LearnedSpeeds speeds, Clock clock) {
        return new JobViews(pipeline, deliveries, speeds, clock);
    }

    @Bean
    LearnedSpeeds learnedSpeeds(JdbcClient jdbc, Clock clock, ProgressProperties properties) {
        return new LearnedSpeeds(jdbc, clock, properties.defaultSpeed());
    }

    @Bean
    TenantRetention tenantRetention(JdbcClient jdbc) {
        return new TenantRetention(jdbc);
    }

    /** Deletes expired audio and transcripts, and the work files of ended jobs, every purge interval. */
    @Bean
    RetentionPurge retentionPurge(
            JdbcClient jdbc,
            TransactionTemplate tx,
            TranscriptionPipeline pipeline,
            Clock clock,
            RetentionProperties properties) {
        return new RetentionPurge(jdbc, tx, pipeline, clock, properties);
    }

    @Bean
    JobOptionsValidator jobOptionsValidator(
            TranscriptionPipeline pipeline,
            PipelineProperties pipelineProperties,
            EgressPolicy webhookPolicy,
            Clock clock) {
        return new JobOptionsValidator(pipeline, pipelineProperties, webhookPolicy, clock);
    }

    @Bean
    Webhooks webhooks(
            JsonMapper json,
            JobProperties properties,
            Clock clock,
            WebhookProperties webhooks,
            EgressPolicy policy,
            DeliveryLog deliveries) {
        return new Webhooks(json, properties.webhookSecret(), clock, webhooks, policy, deliveries);
    }

    /** Where webhooks may go; checked at submission and again before each try. */
    @Bean
    EgressPolicy webhookEgressPolicy(WebhookProperties webhooks, JobProperties properties) {
        return new EgressPolicy(webhooks, properties.allowedCallbackHosts());
    }
}

package io.greenscribe.scheduling;

import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.CarbonProperties;
import io.greenscribe.carbon.GridZone;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the planner (throughput estimator, capacity ledger), the scheduling the job service asks,
 * and the books kept against the job store. With {@code greenscribe.carbon.enabled=false} every
 * job runs as soon as it may and no books are kept.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingProperties.class)
class SchedulingConfiguration {

    /**
     * The device id jobs are planned, booked and timed under. Every instance runs the same worker
     * pool, and which device a run lands on is known only once it ran, so the planner sees one.
     */
    static final String PLANNED_DEVICE = "default";

    @Bean
    ThroughputEstimator throughputEstimator(SchedulingProperties props) {
        return new ThroughputEstimator(props.defaultSpeed(), props.speedAlpha());
    }

    @Bean
    CarbonPlanner carbonPlanner(
            CarbonIntensityFeed feed,
            ThroughputEstimator throughput,
            SchedulingProperties p,
            ObjectProvider<Clock> clocks,
            @Value("${greenscribe.queue.concurrent-jobs:4}") int concurrentJobs) {
        CapacityLedger ledger = new CapacityLedger(
                p.capacity() == null ? Map.of() : p.capacity(), p.defaultCapacityOr(concurrentJobs), p.ledgerBucket());
        return new CarbonPlanner(feed, clocks.getIfAvailable(Clock::systemUTC), throughput, ledger, p.policy());
    }

    /** Carbon-aware by default; {@code greenscribe.carbon.enabled=false} runs every job as soon as it may. */
    @Bean
    @ConditionalOnMissingBean
    JobScheduling jobScheduling(
            ObjectProvider<CarbonPlanner> planner,
            CarbonProperties carbon,
            @Value("${greenscribe.carbon.enabled:true}") boolean enabled) {
        CarbonPlanner p = planner.getIfAvailable();
        return enabled && p != null
                ? new CarbonAwareScheduling(p, new GridZone(carbon.zone()), PLANNED_DEVICE)
                : new RunNowScheduling();
    }

    @Bean
    @ConditionalOnProperty(name = "greenscribe.carbon.enabled", havingValue = "true", matchIfMissing = true)
    PlannerFeedback plannerFeedback(CarbonPlanner planner, ThroughputEstimator throughput) {
        return new PlannerFeedback(planner, throughput, PLANNED_DEVICE);
    }

    @Bean
    @ConditionalOnProperty(name = "greenscribe.carbon.enabled", havingValue = "true", matchIfMissing = true)
    PlanMaintenance planMaintenance(
            PlannedJobs jobs,
            CarbonPlanner planner,
            PlannerFeedback feedback,
            CarbonProperties carbon,
            SchedulingProperties props,
            JdbcTemplate jdbc,
            Clock clock) {
        return new PlanMaintenance(
                jobs,
                new CarbonAwareScheduling(planner, new GridZone(carbon.zone()), PLANNED_DEVICE),
                planner,
                feedback,
                new ReplanLock(jdbc),
                clock,
                props.replanIntervalOr(carbon.cacheTtl()));
    }
}

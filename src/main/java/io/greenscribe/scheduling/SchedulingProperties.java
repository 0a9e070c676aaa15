package io.greenscribe.scheduling;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The planner's settings ({@code greenscribe.carbon.planner.*}, the names they always had).
 *
 * @param runTimeFactor estimated run time multiplier when checking deadlines (≥ 1)
 * @param safetyMargin fixed margin added to every run before its deadline
 * @param minSavingPct wait only for at least this forecast saving, in %
 * @param horizon how far ahead to request forecasts
 * @param outagePolicy what to do without a usable forecast
 * @param defaultSpeed audio seconds per wall second assumed before a device finished a job
 * @param speedAlpha weight of the newest finished job in the learned speed
 * @param ledgerBucket time resolution of the capacity ledger
 * @param defaultCapacity concurrent jobs per device, unless listed in {@code capacity}; unset means the
 *     queue's {@code greenscribe.queue.concurrent-jobs}, the jobs this instance really runs at once
 * @param capacity concurrent jobs per device id
 * @param urgentSlack greedy solver only: jobs with less slack than this may book every worker
 * @param flexibleShare greedy solver only: share of a device's workers that jobs with more slack may book
 * @param slackReserve greedy solver only: share of a job's slack kept as margin at the end of its window
 * @param solver {@code global} (one min-cost-flow schedule of all waiting work) or {@code greedy}
 * @param minSavingPctPerHour wait only for a saving of at least this many percent per hour of delay
 * @param slot the global schedule's slot length
 * @param holdBackFloor workers held back for unplanned work (no deadline, run now) at the least; the
 *     measured arrivals of such work set it above that
 * @param replanInterval how often waiting jobs are re-planned on the newest forecast and the
 *     capacity ledger is rebuilt from the database; unset means {@code greenscribe.carbon.cache-ttl}
 *     (a new forecast can arrive no sooner), zero turns the periodic task off (start-up rebuild
 *     still runs)
 */
@ConfigurationProperties("greenscribe.carbon.planner")
public record SchedulingProperties(
        @DefaultValue("1.1") double runTimeFactor,
        @DefaultValue("30m") Duration safetyMargin,
        @DefaultValue("1.0") double minSavingPct,
        @DefaultValue("72h") Duration horizon,
        @DefaultValue("RUN_NOW") OutagePolicy outagePolicy,
        @DefaultValue("1.0") double defaultSpeed,
        @DefaultValue("0.2") double speedAlpha,
        @DefaultValue("1m") Duration ledgerBucket,
        Integer defaultCapacity,
        Map<String, Integer> capacity,
        @DefaultValue("0s") Duration urgentSlack,
        @DefaultValue("1.0") double flexibleShare,
        @DefaultValue("0.0") double slackReserve,
        Duration replanInterval,
        @DefaultValue("global") PlannerPolicy.Solver solver,
        @DefaultValue("0.1") double minSavingPctPerHour,
        @DefaultValue("30m") Duration slot,
        @DefaultValue("0") double holdBackFloor) {

    PlannerPolicy policy() {
        return PlannerPolicy.defaults().edit(d -> {
            d.runTimeFactor = runTimeFactor;
            d.safetyMargin = safetyMargin;
            d.minSavingPct = minSavingPct;
            d.horizon = horizon;
            d.outagePolicy = outagePolicy;
            d.urgentSlack = urgentSlack;
            d.flexibleShare = flexibleShare;
            d.slackReserve = slackReserve;
            d.solver = solver;
            d.minSavingPctPerHour = minSavingPctPerHour;
            d.slot = slot;
            d.holdBackFloor = holdBackFloor;
        });
    }

    /** One capacity setting: the planner books as many runs per device as the queue runs at once, unless set. */
    int defaultCapacityOr(int queueConcurrentJobs) {
        return defaultCapacity != null ? defaultCapacity : queueConcurrentJobs;
    }

    /** How often waiting jobs are re-planned: {@code replan-interval}, else the forecast cache's TTL. */
    Duration replanIntervalOr(Duration cacheTtl) {
        return replanInterval != null ? replanInterval : cacheTtl;
    }
}

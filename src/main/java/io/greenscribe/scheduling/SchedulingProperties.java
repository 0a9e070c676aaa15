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
 * @param defaultCapacity concurrent jobs per device, unless listed in {@code capacity}
 * @param capacity concurrent jobs per device id
 * @param urgentSlack jobs with less slack than this may book every worker
 * @param flexibleShare share of a device's workers that jobs with more slack may book
 * @param slackReserve share of a job's slack kept as margin at the end of its window
 * @param replanInterval how often waiting jobs are re-planned on the newest forecast and the
 *     capacity ledger is rebuilt from the database; unset means {@code greenscribe.carbon.cache-ttl}
 *     (a new forecast can arrive no sooner), zero turns the periodic task off (start-up rebuild
 *     still runs)
 */
@ConfigurationProperties("greenscribe.carbon.planner")
public record SchedulingProperties(@DefaultValue("1.1") double runTimeFactor, @DefaultValue("30m") Duration safetyMargin,
        @DefaultValue("1.0") double minSavingPct, @DefaultValue("72h") Duration horizon,
        @DefaultValue("RUN_NOW") OutagePolicy outagePolicy, @DefaultValue("1.0") double defaultSpeed,
        @DefaultValue("0.2") double speedAlpha, @DefaultValue("1m") Duration ledgerBucket,
        @DefaultValue("1") int defaultCapacity, Map<String, Integer> capacity,
        @DefaultValue("2h") Duration urgentSlack, @DefaultValue("0.75") double flexibleShare,
        @DefaultValue("0.4") double slackReserve, Duration replanInterval) {

    PlannerPolicy policy() {
        return new PlannerPolicy(runTimeFactor, safetyMargin, minSavingPct, horizon, outagePolicy, urgentSlack,
                flexibleShare, slackReserve);
    }

    /** How often waiting jobs are re-planned: {@code replan-interval}, else the forecast cache's TTL. */
    Duration replanIntervalOr(Duration cacheTtl) {
        return replanInterval != null ? replanInterval : cacheTtl;
    }
}

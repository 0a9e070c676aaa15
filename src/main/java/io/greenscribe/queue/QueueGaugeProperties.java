package io.greenscribe.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The queue gauges an autoscaler reads ({@code greenscribe_jobs}, {@code
 * greenscribe_oldest_queued_job_age_seconds}, {@code greenscribe_jobs_starting_soon}).
 *
 * @param refresh the longest a scrape may see an old count: one SQL count serves every gauge read
 *     within this time, so many scrapers (or many pods) cost one query each per period
 * @param startLead how far ahead a waiting job counts as starting soon: an autoscaler that keeps a
 *     worker up for these has one warm (image pulled, model loaded) when the planner's start comes
 */
@ConfigurationProperties("greenscribe.queue.gauges")
record QueueGaugeProperties(
        @DefaultValue("5s") Duration refresh,
        @DefaultValue("10m") Duration startLead) {}

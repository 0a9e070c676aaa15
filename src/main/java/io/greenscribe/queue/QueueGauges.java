package io.greenscribe.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Queue depth as Prometheus gauges, so an autoscaler (KEDA's Prometheus scaler, an HPA on external
 * metrics) can size the worker fleet: {@code greenscribe_jobs{state, device}} for queued, waiting
 * and running jobs, {@code greenscribe_oldest_queued_job_age_seconds}, and {@code
 * greenscribe_jobs_starting_soon} (waiting jobs the planner starts within the lead time).
 *
 * <p>The gauges are read at scrape time; they share one census that is counted again only when it
 * is older than {@code greenscribe.queue.gauges.refresh}, so a scrape costs at most one grouped
 * count and no request path ever pays for it. Every instance reports the same shared queue, so a
 * query over several pods takes the {@code max}, not the sum.
 */
@Component
@RequiredArgsConstructor
class QueueGauges implements MeterBinder {

    private final JobQueue queue;
    private final Clock clock;
    private final QueueGaugeProperties properties;
    private final Set<String> registered = new HashSet<>();
    private MeterRegistry registry;
    private QueueCensus census;

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        // every state always has a series (device "any"), so a scaler's query never finds nothing
        QueueCensus.STATES.values().forEach(state -> register(state, "any"));
        Gauge.builder("greenscribe.oldest.queued.job.age", this, g -> g.current()
                        .oldestQueuedAgeSeconds())
                .description("How long the oldest queued job has waited for a worker; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("greenscribe.jobs.starting.soon", this, g -> g.current().startingSoon())
                .description("Jobs waiting for a greener window whose planned start is within " + properties.startLead()
                        + " (greenscribe.queue.gauges.start-lead)")
                .register(registry);
    }

    /** The census the gauges show now, counted again when older than the refresh period. */
    synchronized QueueCensus current() {
        if (census == null || !census.takenAt().plus(properties.refresh()).isAfter(clock.instant())) {
            census = queue.census(properties.startLead());
            // a device seen for the first time gets its series; it then stays (0 when empty)
            census.jobs().forEach((state, devices) -> devices.keySet().forEach(device -> register(state, device)));
        }
        return census;
    }

    private void register(String state, String device) {
        if (registry != null && registered.add(state + "/" + device)) {
            Gauge.builder("greenscribe.jobs", this, g -> g.current().count(state, device))
                    .description("Jobs queued for a worker, waiting for their planned start, or running")
                    .tags("state", state, "device", device)
                    .register(registry);
        }
    }
}

package io.greenscribe.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ties the probes to the database: every few seconds a {@code select 1} on the lease pool (which
 * requests and jobs cannot use up). Unreachable for {@code readiness-after}: readiness DOWN, so a
 * load balancer stops sending requests that could only fail; for {@code liveness-after}: liveness
 * DOWN too, so an orchestrator restarts a process that cannot recover by itself. Reachable again:
 * both UP. The queue needs nothing of this: its ticks fail and retry, expired leases are reaped once
 * the database answers, and the jobs resume.
 */
@Component
class DatabaseAvailability implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final LeaseDatabase database;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration readinessAfter;
    private final Duration livenessAfter;
    private ScheduledExecutorService timer;
    private volatile Instant lastContact;
    private volatile boolean refusing;
    private volatile boolean broken;

    DatabaseAvailability(
            LeaseDatabase database,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${greenscribe.database.readiness-after:10s}") Duration readinessAfter,
            @Value("${greenscribe.database.liveness-after:2m}") Duration livenessAfter) {
        this.database = database;
        this.events = events;
        this.clock = clock;
        this.readinessAfter = readinessAfter;
        this.livenessAfter = livenessAfter;
    }

    void check() {
        Instant now = clock.instant();
        try {
            database.jdbc().sql("select 1").query(Integer.class).single();
            lastContact = now;
            if (refusing || broken) {
                log.warn("Database reachable again; ready and live");
                refusing = false;
                broken = false;
                AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        } catch (RuntimeException e) {
            Duration lost = Duration.between(lastContact == null ? now : lastContact, now);
            if (!refusing && lost.compareTo(readinessAfter) >= 0) {
                refusing = true;
                log.warn("Database unreachable for {}: readiness DOWN ({})", lost, e.getMessage());
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
            }
            if (!broken && lost.compareTo(livenessAfter) >= 0) {
                broken = true;
                log.error("Database unreachable for {}: liveness DOWN, this process should be restarted", lost);
                AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
            }
        }
    }

    @Override
    public void start() {
        lastContact = clock.instant();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "database-availability");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 5, 5, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}

package io.greenscribe.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance takes work from the shared queue.
 *
 * @param enabled whether this instance runs jobs at all (off for API-only instances)
 * @param workerId name of this worker in lease columns; empty means host name plus a random suffix
 * @param concurrentJobs jobs this instance runs at once on its device; their windows share the
 *     recognizer's batches, so short jobs are decoded together instead of one at a time
 * @param pollInterval how often to look for runnable jobs when idle
 * @param lease how long a claim is valid without a heartbeat; a dead worker's jobs return after it
 * @param heartbeatInterval how often leases of running jobs are renewed; well under {@code lease}
 * @param reapInterval how often expired leases are looked for
 * @param shutdownGrace on shutdown, how long running jobs may take to reach a window boundary and be
 *     handed back; past it they are handed back at once and their unfinished windows recomputed by
 *     the next worker. With the models' closing this keeps a stop under 30 s (Kubernetes' default)
 */
@ConfigurationProperties("greenscribe.queue")
public record QueueProperties(
        @DefaultValue("true") boolean enabled,
        String workerId,
        @DefaultValue("4") int concurrentJobs,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration reapInterval,
        @DefaultValue("20s") Duration shutdownGrace) {

    public QueueProperties {
        if (concurrentJobs < 1) {
            throw new IllegalArgumentException("greenscribe.queue.concurrent-jobs must be at least 1");
        }
        if (heartbeatInterval.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("greenscribe.queue.heartbeat-interval must be shorter than the lease");
        }
    }
}

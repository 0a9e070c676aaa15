package io.greenscribe.webhook;

import java.util.List;
import java.util.UUID;

/** Every webhook delivery attempt, per job, kept with the job (and deleted with it). */
public interface DeliveryLog {

    void record(UUID jobId, DeliveryAttempt attempt);

    /** The job's attempts, oldest first. */
    List<DeliveryAttempt> attempts(UUID jobId);

    /** The number of the job's last attempt, 0 when none. */
    default int lastAttempt(UUID jobId) {
        List<DeliveryAttempt> all = attempts(jobId);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).attempt();
    }
}

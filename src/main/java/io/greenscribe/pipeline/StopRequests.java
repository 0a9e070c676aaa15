package io.greenscribe.pipeline;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs whose run on this instance should end at the next window boundary (shutdown, cancel, lost
 * lease). Each partition's reader looks here before handing out its next window, so the windows
 * already recognized stay committed and the rest are left for the next run. Spring Batch's own stop
 * flag reaches partition workers only through their next repository update, which is as late as
 * this, and it is not seen at all by a partition still waiting for its first window.
 */
final class StopRequests {

    /** Ends a run that was asked to stop; it is handed back, not failed. */
    static final class HandedBack extends RuntimeException {
        HandedBack(UUID jobId) {
            super("Job " + jobId + " was asked to stop on this worker; its finished windows are kept.");
        }
    }

    private final Set<UUID> jobs = ConcurrentHashMap.newKeySet();

    void request(UUID jobId) {
        jobs.add(jobId);
    }

    void clear(UUID jobId) {
        jobs.remove(jobId);
    }

    void check(UUID jobId) {
        if (jobs.contains(jobId)) {
            throw new HandedBack(jobId);
        }
    }

    static boolean isHandedBack(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HandedBack) {
                return true;
            }
        }
        return false;
    }
}

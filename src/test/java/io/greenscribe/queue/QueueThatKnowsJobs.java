package io.greenscribe.queue;

import io.greenscribe.job.JobStatus;

/**
 * A deliberate wrong-way import (the queue room reading the job room) for {@code ArchitectureTests},
 * which shows that the queue rule catches it. Test sources only: the rules check main classes.
 */
public class QueueThatKnowsJobs {

    public boolean queued(String status) {
        return JobStatus.valueOf(status) == JobStatus.QUEUED;
    }
}

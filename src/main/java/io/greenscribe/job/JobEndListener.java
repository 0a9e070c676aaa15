package io.greenscribe.job;

/**
 * Told when a job reaches an end (succeeded, failed or cancelled), after its row is written. The
 * carbon planner's books listen here; with carbon-aware scheduling off nobody does.
 */
interface JobEndListener {

    /** Listens to nothing: carbon-aware scheduling is off, so there are no books to keep. */
    JobEndListener NONE = job -> {};

    /** Must not throw: the job's end is already recorded and must not be reported as failed. */
    void jobEnded(TranscriptionJob job);
}

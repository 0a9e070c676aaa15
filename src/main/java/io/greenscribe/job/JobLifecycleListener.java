package io.greenscribe.job;

/**
 * Told when a job starts a run and when it reaches an end (succeeded, failed or cancelled), each
 * after its row is written. The carbon planner's books listen here; with carbon-aware
 * scheduling off nobody does. Implementations must not throw: what they hear is already recorded
 * and must not be reported as failed.
 */
interface JobLifecycleListener {

    /** Listens to nothing: carbon-aware scheduling is off, so there are no books to keep. */
    JobLifecycleListener NONE = new JobLifecycleListener() {};

    /** A worker claimed the job and its run begins now. */
    default void jobStarted(TranscriptionJob job) {}

    default void jobEnded(TranscriptionJob job) {}
}

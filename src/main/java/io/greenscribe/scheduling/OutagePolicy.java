package io.greenscribe.scheduling;

/** Where a job goes when there is no usable forecast. Either way it is never stuck and never late. */
public enum OutagePolicy {
    /**
     * Keep the option to run greener once the feed is back: plan at the latest safe start. It leaves
     * only the safety margin to absorb queueing, so it is not the default.
     */
    LATEST_SAFE_START,
    /** Give up on shifting: run as soon as possible (the default). */
    RUN_NOW
}

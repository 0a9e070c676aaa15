package io.greenscribe.scheduling;

/**
 * Decides when a submitted job may run. The default runs it at once (or at its not-before time);
 * the carbon planner plugs in here to wait for a greener window before the deadline. A decision
 * never blocks a job: an implementation that cannot decide returns "run now" with its reason.
 */
public interface JobScheduling {

    /**
     * @param request what the job asked for and when it was submitted
     * @return when to run it and why
     */
    SchedulingDecision decide(SchedulingRequest request);
}

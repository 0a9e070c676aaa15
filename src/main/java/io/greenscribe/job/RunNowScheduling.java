package io.greenscribe.job;

/** Runs every job as soon as it is allowed to: now, or at its not-before time. */
class RunNowScheduling implements JobScheduling {

    @Override
    public Decision decide(Request request) {
        if (request.notBefore() != null && request.notBefore().isAfter(request.submittedAt())) {
            return new Decision(request.notBefore(), "not-before", "Runs at the requested not-before time.", null);
        }
        return new Decision(request.submittedAt(), "run-now",
                request.deadline() == null ? "No deadline: runs now."
                        : "No carbon planner configured: runs now, well before the deadline.", null);
    }
}

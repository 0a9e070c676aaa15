/**
 * When jobs run: the {@link io.greenscribe.scheduling.CarbonPlanner} that plans each job into the
 * greenest feasible window on the carbon feeds' forecasts, the one
 * {@link io.greenscribe.scheduling.SchedulingDecision} it takes, and the books it keeps against the
 * job store through the {@link io.greenscribe.scheduling.PlannedJobs} port. Arrows: job →
 * scheduling → carbon.
 */
package io.greenscribe.scheduling;

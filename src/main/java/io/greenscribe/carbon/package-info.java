/**
 * Carbon-aware scheduling: grid carbon-intensity forecasts ({@link io.greenscribe.carbon.CarbonIntensityFeed})
 * and the {@link io.greenscribe.carbon.CarbonPlanner} that decides when a job runs.
 */
package io.greenscribe.carbon;

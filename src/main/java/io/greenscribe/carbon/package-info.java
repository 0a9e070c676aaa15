/**
 * Grid carbon-intensity forecasts: the {@link io.greenscribe.carbon.CarbonIntensityFeed} SPI and its
 * feeds. The planner that uses them lives in {@code io.greenscribe.scheduling}.
 */
package io.greenscribe.carbon;

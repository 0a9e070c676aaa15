package io.greenscribe.carbon;

import java.time.Instant;

/**
 * A source of grid carbon-intensity forecasts. Implementations live in sub-packages named for
 * their provider and are chosen by {@code greenscribe.carbon.feed}.
 */
public interface CarbonIntensityFeed {

    /**
     * The forecast for {@code zone} overlapping {@code [from, to)}. A provider may return less than
     * asked for (its horizon is shorter) but never slots outside the range.
     *
     * @throws CarbonFeedException when no usable forecast can be had
     */
    CarbonForecast forecast(GridZone zone, Instant from, Instant to);

    /** Short name recorded as {@link CarbonForecast#source()}. */
    String name();
}

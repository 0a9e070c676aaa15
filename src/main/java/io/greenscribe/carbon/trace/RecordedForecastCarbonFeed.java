package io.greenscribe.carbon.trace;

import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonFeedException.Kind;
import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.IntensitySlot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Replays real forecast vintages: at clock time {@code now} it serves the newest vintage published
 * by then, exactly as a live client would have seen it. {@code fetchedAt} is the issue time, so a
 * planner sees a newer forecast whenever a new vintage appears.
 */
@RequiredArgsConstructor
public final class RecordedForecastCarbonFeed implements CarbonIntensityFeed {

    private final RecordedForecasts forecasts;
    private final Clock clock;

    @Override
    public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
        Instant now = clock.instant();
        RecordedForecasts.Vintage v = forecasts
                .latestAt(now)
                .orElseThrow(
                        () -> new CarbonFeedException(Kind.NO_DATA, name(), "no forecast vintage issued by " + now));
        List<IntensitySlot> slots = v.slots().stream()
                .filter(s -> s.overlaps(from, to))
                .map(s -> s.within(from, to))
                .toList();
        return new CarbonForecast(zone, forecasts.signalType(), name(), v.issuedAt(), slots);
    }

    @Override
    public String name() {
        return "recorded-forecast";
    }
}

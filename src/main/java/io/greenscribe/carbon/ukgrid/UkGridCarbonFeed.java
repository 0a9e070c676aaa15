package io.greenscribe.carbon.ukgrid;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonFeedException.Kind;
import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.carbon.http.BaseUrl;
import io.greenscribe.carbon.http.FeedHttp;
import io.greenscribe.carbon.http.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET {base}/intensity/{from}/fw48h}: 96 half-hours of GB national forecast starting at the
 * half-hour containing {@code from}. No authentication. Past periods may carry {@code actual},
 * which we prefer to the forecast when present.
 */
public final class UkGridCarbonFeed implements CarbonIntensityFeed {

    private static final Set<String> ZONES = Set.of("GB", "UK", "GB-national");
    private static final DateTimeFormatter PATH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final FeedHttp http;
    private final Json json;
    private final URI baseUrl;
    private final Clock clock;

    public UkGridCarbonFeed(FeedHttp http, URI baseUrl, Clock clock) {
        this.http = http;
        this.json = new Json(http);
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Override
    public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
        if (!ZONES.contains(zone.id())) {
            throw new CarbonFeedException(
                    Kind.NO_DATA, name(), "only the GB national series is supported, not " + zone);
        }
        String start = PATH_TIME.format(from.truncatedTo(ChronoUnit.MINUTES));
        JsonNode body = http.getJson(BaseUrl.resolve(baseUrl, "intensity/" + start + "/fw48h"), java.util.Map.of());
        Instant fetchedAt = clock.instant();
        List<IntensitySlot> slots = new ArrayList<>();
        for (JsonNode row : json.array(body, "data")) {
            Instant a = json.instant(row, "from");
            Instant b = json.instant(row, "to");
            JsonNode intensity = json.object(row, "intensity");
            JsonNode value = intensity.hasNonNull("actual") ? intensity.get("actual") : intensity.get("forecast");
            if (value == null || value.isNull()) {
                continue; // the API leaves a gap rather than guessing; so do we
            }
            if (!value.isNumber() || !b.isAfter(a)) {
                throw json.malformed("period " + a + " has no numeric intensity or an empty span");
            }
            Instant ca = a.isBefore(from) ? from : a;
            Instant cb = b.isAfter(to) ? to : b;
            if (cb.isAfter(ca)) {
                slots.add(new IntensitySlot(ca, cb, value.asDouble()));
            }
        }
        slots.sort(java.util.Comparator.comparing(IntensitySlot::start));
        return new CarbonForecast(zone, SignalType.AVERAGE, name(), fetchedAt, slots);
    }

    @Override
    public String name() {
        return "ukgrid";
    }
}

package io.greenscribe.carbon.carbonawaresdk;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET {base}/emissions/forecasts/current?location=…&dataStartAt=…&dataEndAt=…}. We leave
 * {@code windowSize} unset so each {@code forecastData} value is one raw data point, not a rolling
 * mean. The optimum the SDK proposes is validated but not used: the planner integrates over the
 * job's own duration. Both the DTO's {@code optimalDataPoints} array and the tutorial's older
 * singular {@code optimalDataPoint} are accepted.
 */
public final class CarbonAwareSdkCarbonFeed implements CarbonIntensityFeed {

    private final FeedHttp http;
    private final Json json;
    private final URI baseUrl;
    private final SignalType signalType;
    private final Clock clock;

    /** @param signalType what the SDK's configured data source delivers (WattTime is marginal) */
    public CarbonAwareSdkCarbonFeed(FeedHttp http, URI baseUrl, SignalType signalType, Clock clock) {
        this.http = http;
        this.json = new Json(http);
        this.baseUrl = baseUrl;
        this.signalType = signalType;
        this.clock = clock;
    }

    @Override
    public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
        URI uri = BaseUrl.resolve(
                baseUrl,
                "emissions/forecasts/current?location=" + BaseUrl.enc(zone.id()) + "&dataStartAt="
                        + BaseUrl.enc(from.toString()) + "&dataEndAt=" + BaseUrl.enc(to.toString()));
        JsonNode body = http.getJson(uri, Map.of());
        Instant fetchedAt = clock.instant();
        if (!body.isArray() || body.isEmpty()) {
            throw json.malformed("expected a non-empty array of forecasts");
        }
        JsonNode element = body.get(0);
        for (JsonNode e : body) {
            if (e.path("location").asText().equalsIgnoreCase(zone.id())) {
                element = e;
            }
        }
        checkOptimal(element);
        List<IntensitySlot> slots = new ArrayList<>();
        for (JsonNode p : json.array(element, "forecastData")) {
            Instant start = json.instant(p, "timestamp");
            Instant end = start.plus(Duration.ofMinutes((long) json.number(p, "duration")));
            double value = json.number(p, "value");
            if (!end.isAfter(start) || value < 0) {
                throw json.malformed("forecast point at " + start + " has no duration or a negative value");
            }
            Instant a = start.isBefore(from) ? from : start;
            Instant b = end.isAfter(to) ? to : end;
            if (b.isAfter(a)) {
                slots.add(new IntensitySlot(a, b, value));
            }
        }
        slots.sort(Comparator.comparing(IntensitySlot::start));
        return new CarbonForecast(zone, signalType, name(), fetchedAt, clipOverlaps(slots));
    }

    private void checkOptimal(JsonNode element) {
        if (element.has("optimalDataPoints")) {
            for (JsonNode p : json.array(element, "optimalDataPoints")) {
                json.instant(p, "timestamp");
            }
        } else if (element.has("optimalDataPoint")
                && !element.get("optimalDataPoint").isNull()) {
            json.instant(json.object(element, "optimalDataPoint"), "timestamp");
        }
    }

    // A point whose duration runs past the next point's timestamp is cut there: the newer point wins.
    private static List<IntensitySlot> clipOverlaps(List<IntensitySlot> slots) {
        List<IntensitySlot> out = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            IntensitySlot s = slots.get(i);
            if (i + 1 < slots.size() && slots.get(i + 1).start().isBefore(s.end())) {
                if (!slots.get(i + 1).start().isAfter(s.start())) {
                    continue;
                }
                s = new IntensitySlot(s.start(), slots.get(i + 1).start(), s.gCo2PerKwh());
            }
            out.add(s);
        }
        return out;
    }

    @Override
    public String name() {
        return "carbonawaresdk";
    }
}

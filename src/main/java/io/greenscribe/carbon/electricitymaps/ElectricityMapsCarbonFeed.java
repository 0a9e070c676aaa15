package io.greenscribe.carbon.electricitymaps;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.carbon.http.BaseUrl;
import io.greenscribe.carbon.http.FeedHttp;
import io.greenscribe.carbon.http.Json;
import io.greenscribe.carbon.http.Points;
import io.greenscribe.carbon.http.Points.Point;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET {base}/carbon-intensity/forecast?zone=…} of Electricity Maps API v3, where the base
 * is e.g. {@code https://api.electricitymap.org/v3/}. Values are gCO2eq/kWh, hourly by default.
 */
public final class ElectricityMapsCarbonFeed implements CarbonIntensityFeed {

    private final FeedHttp http;
    private final Json json;
    private final URI baseUrl;
    private final Map<String, String> authHeaders;
    private final Clock clock;

    /**
     * @param authHeader {@code auth-token}, or {@code X-BLOBR-KEY} for trial keys
     * @param apiKey the key; never logged
     */
    public ElectricityMapsCarbonFeed(FeedHttp http, URI baseUrl, String authHeader, String apiKey, Clock clock) {
        this.http = http;
        this.json = new Json(http);
        this.baseUrl = baseUrl;
        this.authHeaders = apiKey == null || apiKey.isBlank() ? Map.of() : Map.of(authHeader, apiKey);
        this.clock = clock;
    }

    @Override
    public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
        URI uri = BaseUrl.resolve(baseUrl, "carbon-intensity/forecast?zone=" + BaseUrl.enc(zone.id()));
        JsonNode body = http.getJson(uri, authHeaders);
        Instant fetchedAt = clock.instant();
        List<Point> points = new ArrayList<>();
        for (JsonNode p : json.array(body, "forecast")) {
            points.add(new Point(json.instant(p, "datetime"), json.number(p, "carbonIntensity")));
        }
        return new CarbonForecast(
                zone,
                SignalType.AVERAGE,
                name(),
                fetchedAt,
                Points.toSlots(points, points.size() < 2 ? Duration.ofHours(1) : null, from, to));
    }

    @Override
    public String name() {
        return "electricitymaps";
    }
}

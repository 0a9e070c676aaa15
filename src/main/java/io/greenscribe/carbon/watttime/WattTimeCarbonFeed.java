package io.greenscribe.carbon.watttime;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonFeedException.Kind;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code GET {base}/v3/forecast?region=…&signal_type=co2_moer} after a Basic-auth
 * {@code GET {base}/login}. The token lives 30 minutes; we renew it after 25, and once more on a 401.
 * The signal is marginal and recorded as such.
 */
public final class WattTimeCarbonFeed implements CarbonIntensityFeed {

    private static final Duration TOKEN_REUSE = Duration.ofMinutes(25);

    private final FeedHttp http;
    private final Json json;
    private final URI baseUrl;
    private final String basicAuth;
    private final String signalType;
    private final Clock clock;
    private String token;
    private Instant tokenAt;

    public WattTimeCarbonFeed(
            FeedHttp http, URI baseUrl, String username, String password, String signalType, Clock clock) {
        this.http = http;
        this.json = new Json(http);
        this.baseUrl = baseUrl;
        this.basicAuth = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (nullToEmpty(username) + ":" + nullToEmpty(password)).getBytes(StandardCharsets.UTF_8));
        this.signalType = signalType;
        this.clock = clock;
    }

    @Override
    public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
        URI uri = BaseUrl.resolve(
                baseUrl, "v3/forecast?region=" + BaseUrl.enc(zone.id()) + "&signal_type=" + BaseUrl.enc(signalType));
        JsonNode body;
        try {
            body = http.getJson(uri, Map.of("Authorization", "Bearer " + token()));
        } catch (CarbonFeedException e) {
            if (e.kind() != Kind.UNAUTHORIZED) {
                throw e;
            }
            forgetToken();
            body = http.getJson(uri, Map.of("Authorization", "Bearer " + token()));
        }
        return parse(zone, body, from, to);
    }

    private CarbonForecast parse(GridZone zone, JsonNode body, Instant from, Instant to) {
        Instant fetchedAt = clock.instant();
        JsonNode meta = json.object(body, "meta");
        String units = json.text(meta, "units");
        double factor = MoerUnits.factorFor(units);
        if (Double.isNaN(factor)) {
            throw json.malformed("unknown units '" + units + "'");
        }
        Duration period = meta.has("data_point_period_seconds")
                ? Duration.ofSeconds((long) json.number(meta, "data_point_period_seconds"))
                : Duration.ofMinutes(5);
        if (period.isZero() || period.isNegative()) {
            throw json.malformed("data_point_period_seconds must be positive");
        }
        List<Point> points = new ArrayList<>();
        for (JsonNode p : json.array(body, "data")) {
            double value = json.number(p, "value");
            if (value < 0) {
                throw json.malformed("negative MOER " + value);
            }
            points.add(new Point(json.instant(p, "point_time"), value * factor));
        }
        return new CarbonForecast(
                zone, SignalType.MARGINAL, name(), fetchedAt, Points.toSlots(points, period, from, to));
    }

    private synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(tokenAt.plus(TOKEN_REUSE))) {
            JsonNode login = http.getJson(BaseUrl.resolve(baseUrl, "login"), Map.of("Authorization", basicAuth));
            token = json.text(login, "token");
            tokenAt = now;
        }
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String name() {
        return "watttime";
    }
}

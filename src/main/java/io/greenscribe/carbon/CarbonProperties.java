package io.greenscribe.carbon;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Carbon-aware scheduling settings ({@code greenscribe.carbon.*}). Credentials come only from here
 * (environment variables in practice, e.g. {@code GREENSCRIBE_CARBON_WATTTIME_PASSWORD}).
 *
 * @param feed which carbon-intensity feed to use
 * @param zone the grid zone this installation draws power from
 * @param cacheTtl how long a fetched forecast is reused per zone
 * @param http timeouts and rate-limit handling for the HTTP feeds
 * @param electricityMaps Electricity Maps settings
 * @param watttime WattTime settings
 * @param ukGrid UK Carbon Intensity API settings
 * @param carbonAwareSdk Carbon Aware SDK WebAPI settings
 * @param trace recorded-trace settings
 */
@ConfigurationProperties("greenscribe.carbon")
public record CarbonProperties(
        @DefaultValue("trace") FeedKind feed,
        @DefaultValue("GB") String zone,
        @DefaultValue("15m") Duration cacheTtl,
        @DefaultValue Http http,
        @DefaultValue ElectricityMaps electricityMaps,
        @DefaultValue WattTime watttime,
        @DefaultValue UkGrid ukGrid,
        @DefaultValue CarbonAwareSdk carbonAwareSdk,
        @DefaultValue Trace trace) {

    /** The feeds to choose from. */
    public enum FeedKind {
        TRACE,
        ELECTRICITY_MAPS,
        WATTTIME,
        UK_GRID,
        CARBON_AWARE_SDK
    }

    /**
     * @param connectTimeout TCP connect timeout
     * @param requestTimeout whole-request timeout
     * @param maxAttempts attempts in all on HTTP 429
     * @param maxRetryAfter the longest Retry-After we wait out
     */
    public record Http(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("30s") Duration maxRetryAfter) {}

    /**
     * @param baseUrl API v3 base, e.g. {@code https://api.electricitymap.org/v3/}
     * @param authHeader {@code auth-token}, or {@code X-BLOBR-KEY} for trial keys
     * @param apiKey the API key
     */
    public record ElectricityMaps(
            @DefaultValue("https://api.electricitymap.org/v3/")
            URI baseUrl,

            @DefaultValue("auth-token") String authHeader,
            String apiKey) {
        @Override
        public String toString() {
            return "ElectricityMaps[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***") + "]";
        }
    }

    /**
     * @param baseUrl API root, {@code https://api.watttime.org}
     * @param username account name for {@code /login}
     * @param password account password for {@code /login}
     * @param signalType {@code co2_moer}
     */
    public record WattTime(
            @DefaultValue("https://api.watttime.org") URI baseUrl,
            String username,
            String password,
            @DefaultValue("co2_moer") String signalType) {
        @Override
        public String toString() {
            return "WattTime[baseUrl=" + baseUrl + ", username=" + username + ", password=***]";
        }
    }

    /** @param baseUrl API root, {@code https://api.carbonintensity.org.uk} */
    public record UkGrid(
            @DefaultValue("https://api.carbonintensity.org.uk")
            URI baseUrl) {}

    /**
     * @param baseUrl where the SDK's WebAPI runs
     * @param signalType what its data source delivers: AVERAGE (Electricity Maps) or MARGINAL (WattTime)
     */
    public record CarbonAwareSdk(
            @DefaultValue("http://localhost:8080") URI baseUrl,
            @DefaultValue("AVERAGE") SignalType signalType) {}

    /**
     * @param file a CSV in one of the layouts of {@code shared/data/carbon}, or a folder of UK API files
     * @param loop replay the trace by whole weeks outside its own dates
     * @param timeZone the zone naive time stamps ({@code 2020-03-29 02:30:00}) are wall-clock time in;
     *     stamps with an offset or {@code Z} are read as written
     */
    public record Trace(
            @DefaultValue("../shared/data/carbon/lets-wait-awhile-2020/gb_ci.csv")
            String file,

            @DefaultValue("true") boolean loop,
            @DefaultValue("UTC") ZoneId timeZone) {

        /** Bound as text: a web context would resolve a relative {@code Path} as a servlet resource. */
        public Path path() {
            return Path.of(file);
        }
    }
}

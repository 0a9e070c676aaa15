package io.greenscribe.carbon;

import io.greenscribe.carbon.CarbonFeedException.Kind;
import io.greenscribe.carbon.carbonawaresdk.CarbonAwareSdkCarbonFeed;
import io.greenscribe.carbon.electricitymaps.ElectricityMapsCarbonFeed;
import io.greenscribe.carbon.http.FeedHttp;
import io.greenscribe.carbon.http.FeedHttpSettings;
import io.greenscribe.carbon.trace.RecordedTrace;
import io.greenscribe.carbon.trace.TraceCarbonFeed;
import io.greenscribe.carbon.ukgrid.UkGridCarbonFeed;
import io.greenscribe.carbon.watttime.WattTimeCarbonFeed;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the configured feed, cached. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CarbonProperties.class)
class CarbonConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CarbonConfiguration.class);

    @Bean
    CarbonIntensityFeed carbonIntensityFeed(CarbonProperties props, ObjectProvider<Clock> clocks) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        return new CachingCarbonFeed(feed(props, clock), props.cacheTtl(), clock);
    }

    static CarbonIntensityFeed feed(CarbonProperties props, Clock clock) {
        CarbonProperties.Http h = props.http();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(h.connectTimeout()).build();
        FeedHttpSettings settings = new FeedHttpSettings(h.requestTimeout(), h.maxAttempts(), h.maxRetryAfter());
        return switch (props.feed()) {
            case ELECTRICITY_MAPS ->
                new ElectricityMapsCarbonFeed(
                        http(client, "electricitymaps", settings, clock),
                        props.electricityMaps().baseUrl(),
                        props.electricityMaps().authHeader(),
                        props.electricityMaps().apiKey(),
                        clock);
            case WATTTIME ->
                new WattTimeCarbonFeed(
                        http(client, "watttime", settings, clock),
                        props.watttime().baseUrl(),
                        props.watttime().username(),
                        props.watttime().password(),
                        props.watttime().signalType(),
                        clock);
            case UK_GRID ->
                new UkGridCarbonFeed(
                        http(client, "ukgrid", settings, clock), props.ukGrid().baseUrl(), clock);
            case CARBON_AWARE_SDK ->
                new CarbonAwareSdkCarbonFeed(
                        http(client, "carbonawaresdk", settings, clock),
                        props.carbonAwareSdk().baseUrl(),
                        props.carbonAwareSdk().signalType(),
                        clock);
            case TRACE -> trace(props.trace(), clock);
        };
    }

    private static FeedHttp http(HttpClient client, String source, FeedHttpSettings settings, Clock clock) {
        return new FeedHttp(client, source, settings, FeedHttp.Sleeper.threadSleep(), clock);
    }

    // A missing trace must not stop the server: every plan then takes the outage fallback, with the reason on it.
    private static CarbonIntensityFeed trace(CarbonProperties.Trace t, Clock clock) {
        try {
            return new TraceCarbonFeed(RecordedTrace.read(t.path(), t.timeZone()), t.loop(), clock);
        } catch (RuntimeException e) {
            log.warn(
                    "Carbon trace {} is unreadable ({}); planning will use the outage policy",
                    t.file(),
                    e.getMessage());
            return new CarbonIntensityFeed() {
                @Override
                public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
                    throw new CarbonFeedException(Kind.NO_DATA, name(), "trace file " + t.file() + " is unreadable");
                }

                @Override
                public String name() {
                    return "trace";
                }
            };
        }
    }
}

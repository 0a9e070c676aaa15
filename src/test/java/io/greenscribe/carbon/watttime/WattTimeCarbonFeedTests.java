package io.greenscribe.carbon.watttime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.HttpCarbonFeedContract;
import io.greenscribe.carbon.MockFeedServer;
import io.greenscribe.carbon.MockFeedServer.Answer;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.carbon.http.FeedHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WattTimeCarbonFeedTests extends HttpCarbonFeedContract {

    @BeforeEach
    void serveLogin() {
        server.on("/login", Answer.ok(MockFeedServer.resource("carbon/watttime-login.json")));
    }

    @Override
    protected String forecastPath() {
        return "/v3/forecast";
    }

    @Override
    protected String documentedBody() {
        return MockFeedServer.resource("carbon/watttime-forecast.json");
    }

    @Override
    protected CarbonIntensityFeed newFeed(FeedHttp http, URI baseUrl) {
        return new WattTimeCarbonFeed(http, baseUrl, "freddo", "the-frog", "co2_moer", clock);
    }

    @Override
    protected Sample sample() {
        return new Sample("CAISO_NORTH", "2022-07-15T00:00:00Z", "2022-07-15T00:10:00Z", SignalType.MARGINAL);
    }

    @Test
    void logsInWithBasicAuthThenConvertsPoundsPerMwhToGramsPerKwh() {
        // when
        CarbonForecast f = feed().forecast(zone(), from(), to());

        // then
        assertThat(f.signalType()).isEqualTo(SignalType.MARGINAL);
        assertThat(f.slots()).hasSize(2);
        assertThat(f.slots().get(0).gCo2PerKwh()).isCloseTo(1048.4131919701972 * 0.45359237, within(1e-9));
        assertThat(f.slots().get(1).duration()).isEqualTo(Duration.ofMinutes(5));
        String basic =
                "Basic " + Base64.getEncoder().encodeToString("freddo:the-frog".getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests("/login").get(0).header("Authorization")).isEqualTo(basic);
        MockFeedServer.Request forecast = server.requests(forecastPath()).get(0);
        assertThat(forecast.header("Authorization")).isEqualTo("Bearer eyJhbGciOiJIUzI1NiJ9.test.token");
        assertThat(forecast.query()).isEqualTo("region=CAISO_NORTH&signal_type=co2_moer");
    }

    @Test
    void reusesTheTokenFor25MinutesThenLogsInAgain() {
        // given
        feed().forecast(zone(), from(), to());

        // when
        clock.advance(Duration.ofMinutes(24));
        feed().forecast(zone(), from(), to());
        clock.advance(Duration.ofMinutes(2));
        feed().forecast(zone(), from(), to());

        // then
        assertThat(server.requests("/login")).hasSize(2);
    }

    @Test
    void anExpiredTokenIsRenewedOnce() {
        // given
        server.on(forecastPath(), Answer.status(401), Answer.ok(documentedBody()));

        // when
        CarbonForecast f = feed().forecast(zone(), from(), to());

        // then
        assertThat(f.slots()).hasSize(2);
        assertThat(server.requests("/login")).hasSize(2);
    }

    @Test
    void unknownUnitsAreMalformed() {
        server.on(forecastPath(), Answer.ok(documentedBody().replace("lbs_co2_per_mwh", "furlongs")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed().forecast(zone(), from(), to()))
                .isInstanceOf(io.greenscribe.carbon.CarbonFeedException.class)
                .hasMessageContaining("furlongs");
    }

    @Test
    void oneLbPerMwhIs0point45359237GramsPerKwh() {
        assertThat(MoerUnits.lbsPerMwhToGramsPerKwh(1)).isEqualTo(0.45359237);
        assertThat(MoerUnits.lbsPerMwhToGramsPerKwh(937.0)).isCloseTo(425.016, within(0.001));
    }
}

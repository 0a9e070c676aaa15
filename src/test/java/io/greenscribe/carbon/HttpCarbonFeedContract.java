package io.greenscribe.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.carbon.CarbonFeedException.Kind;
import io.greenscribe.carbon.MockFeedServer.Answer;
import io.greenscribe.carbon.http.FeedHttp;
import io.greenscribe.carbon.http.FeedHttpSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every HTTP feed client promises on top of {@link CarbonIntensityFeedContract}: every
 * failure is a typed {@link CarbonFeedException}, and 429 is retried after Retry-After, within bounds.
 */
public abstract class HttpCarbonFeedContract extends CarbonIntensityFeedContract {

    protected MockFeedServer server;
    protected final List<Duration> waits = new CopyOnWriteArrayList<>();
    private CarbonIntensityFeed feed;

    /** The path the forecast call goes to, e.g. {@code /v3/forecast}. */
    protected abstract String forecastPath();

    /** The documented sample payload for {@link #forecastPath()}. */
    protected abstract String documentedBody();

    /** Builds the client against {@code baseUrl}; extra mock answers (login) may be set on {@link #server}. */
    protected abstract CarbonIntensityFeed newFeed(FeedHttp http, URI baseUrl);

    @BeforeEach
    void startMock() {
        server = MockFeedServer.start();
        server.on(forecastPath(), Answer.ok(documentedBody()));
        FeedHttpSettings settings = new FeedHttpSettings(Duration.ofMillis(500), 3, Duration.ofSeconds(30));
        FeedHttp.Sleeper recording = d -> {
            waits.add(d);
            clock.advance(d);
        };
        feed = newFeed(new FeedHttp(HttpClient.newHttpClient(), "test", settings, recording, clock), server.baseUri());
    }

    @AfterEach
    void stopMock() {
        server.close();
    }

    @Override
    protected CarbonIntensityFeed feed() {
        return feed;
    }

    @Test
    void aServerErrorIsAnHttpError() {
        server.on(forecastPath(), Answer.status(503));
        assertFails(Kind.HTTP_ERROR);
    }

    @Test
    void rejectedCredentialsAreUnauthorized() {
        server.on(forecastPath(), Answer.status(403));
        assertFails(Kind.UNAUTHORIZED);
    }

    @Test
    void aRateLimitIsWaitedOutAsTheServerAsks() {
        // given
        server.on(forecastPath(), Answer.tooManyRequests("2"), Answer.ok(documentedBody()));

        // when
        CarbonForecast f = feed.forecast(zone(), from(), to());

        // then
        assertThat(f.slots()).isNotEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(server.requests(forecastPath())).hasSize(2);
    }

    @Test
    void aRateLimitLongerThanTheBoundFailsAtOnce() {
        server.on(forecastPath(), Answer.tooManyRequests("3600"));
        assertFails(Kind.RATE_LIMITED);
        assertThat(waits).isEmpty();
        assertThat(server.requests(forecastPath())).hasSize(1);
    }

    @Test
    void repeatedRateLimitsStopAfterTheLastAttempt() {
        server.on(forecastPath(), Answer.tooManyRequests("1"));
        assertFails(Kind.RATE_LIMITED);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(server.requests(forecastPath())).hasSize(3);
    }

    @Test
    void aSilentServerTimesOut() {
        server.on(forecastPath(), Answer.silence());
        assertFails(Kind.TIMEOUT);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        server.on(forecastPath(), Answer.ok("<html>maintenance</html>"));
        assertFails(Kind.MALFORMED);
    }

    @Test
    void jsonOfTheWrongShapeIsMalformed() {
        server.on(forecastPath(), Answer.ok("{\"unexpected\": true}"));
        assertFails(Kind.MALFORMED);
    }

    @Test
    void anUnreachableServerIsUnavailable() {
        server.close();
        assertFails(Kind.UNAVAILABLE);
    }

    private void assertFails(Kind kind) {
        assertThatThrownBy(() -> feed.forecast(zone(), from(), to()))
                .isInstanceOfSatisfying(
                        CarbonFeedException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining("test");
    }
}

package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.system.GreenScribeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionTests {

    @Test
    void isoDurationsAreRead() {
        assertThat(Retention.parse("audioTtl", "P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(Retention.parse("audioTtl", " PT12H ")).isEqualTo(Duration.ofHours(12));
        assertThat(Retention.parse("audioTtl", "PT0S")).isZero();
        assertThat(Retention.parse("audioTtl", "")).isNull();
        assertThat(Retention.parse("audioTtl", null)).isNull();
    }

    @Test
    void anythingElseIsA400NamingTheField() {
        for (String bad : new String[] {"7 days", "P1M", "-P1D", "PT-5S", "P3651D", "tomorrow"}) {
            assertThatThrownBy(() -> Retention.parse("transcriptTtl", bad))
                    .as(bad)
                    .isInstanceOf(GreenScribeException.class)
                    .hasMessageContaining("transcriptTtl")
                    .satisfies(e ->
                            assertThat(((GreenScribeException) e).httpStatus()).isEqualTo(400));
        }
    }

    @Test
    void theJobsChoiceWinsThenTheTenantsThenTheServers() {
        Retention job = new Retention(Duration.ofHours(1), null);
        Retention tenant = new Retention(Duration.ofDays(1), null);
        Retention server = new Retention(Duration.ofDays(7), Duration.ofDays(30));

        assertThat(job.or(tenant).or(server)).isEqualTo(new Retention(Duration.ofHours(1), Duration.ofDays(30)));
        assertThat(Retention.UNSET.or(tenant).or(server))
                .isEqualTo(new Retention(Duration.ofDays(1), Duration.ofDays(30)));
    }
}

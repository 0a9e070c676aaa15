package io.greenscribe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.job.JobStatus;
import io.greenscribe.scheduling.SchedulingDecision;
import io.greenscribe.webhook.DeliveryAttempt;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and Chinese bundles say the same things: the same keys, well-formed patterns, every state named. */
class ConsoleBundlesTests {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleBundlesTests.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties en = bundle("console");
        Properties zh = bundle("console_zh_CN");

        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en).hasSizeGreaterThan(250);
    }

    @Test
    void everyTextIsAPatternWithTheSameArgumentsInBothLanguages() throws IOException {
        Properties en = bundle("console");
        Properties zh = bundle("console_zh_CN");
        for (String key : en.stringPropertyNames()) {
            MessageFormat english = new MessageFormat(en.getProperty(key), Locale.ENGLISH);
            MessageFormat chinese = new MessageFormat(zh.getProperty(key), Locale.SIMPLIFIED_CHINESE);
            assertThat(chinese.getFormatsByArgumentIndex().length)
                    .as(key)
                    .isEqualTo(english.getFormatsByArgumentIndex().length);
            assertThat(zh.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void everyStateReasonAndDeliveryOutcomeHasAHumanLabel() throws IOException {
        List<String> keys = new ArrayList<>();
        Stream.of(JobStatus.values()).forEach(s -> keys.add("state." + s));
        Stream.of(SchedulingDecision.Reason.values())
                .forEach(r -> keys.add("reason." + ConsoleFormat.reasonKey(r.name())));
        // the reasons the queue and the job aggregate write into the event log
        Stream.of(
                        "submitted",
                        "planned-start-reached",
                        "claimed",
                        "transient-failure",
                        "lease-expired",
                        "shutdown",
                        "succeeded",
                        "failed",
                        "cancelled",
                        "retried")
                .forEach(r -> keys.add("reason." + r));
        Stream.of(DeliveryAttempt.Outcome.values()).forEach(o -> keys.add("webhook.outcome." + o));
        Stream.of("PENDING", "DELIVERED", "RETRYING", "GAVE_UP", "REFUSED")
                .forEach(s -> keys.add("webhook.state." + s));
        for (String name : List.of("console", "console_zh_CN")) {
            assertThat(bundle(name).stringPropertyNames()).as(name).containsAll(keys);
        }
    }
}

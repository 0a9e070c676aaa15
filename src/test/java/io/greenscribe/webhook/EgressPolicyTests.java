package io.greenscribe.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.system.GreenScribeException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook egress policy on addresses and URLs only: names are "resolved" by a table here, and
 * addresses are built from bytes, so nothing is looked up and nothing is sent anywhere.
 */
class EgressPolicyTests {

    private static final Map<String, InetAddress[]> DNS = Map.of(
            "hooks.example.com", new InetAddress[] {ip(93, 184, 215, 14)},
            "internal.example.com", new InetAddress[] {ip(10, 1, 2, 3)},
            "rebind.example.com", new InetAddress[] {ip(93, 184, 215, 14), ip(127, 0, 0, 1)},
            "metadata.example.com", new InetAddress[] {ip(169, 254, 169, 254)});

    private static final EgressPolicy DEFAULTS = policy(WebhookProperties.defaults(), List.of());

    @Test
    void aPublicHttpsDestinationIsAllowedAndPinnedToTheAddressesChecked() {
        EgressPolicy.Destination d = DEFAULTS.check(URI.create("https://hooks.example.com/done?x=1"));
        assertThat(d.addresses()).containsExactly(ip(93, 184, 215, 14));
        assertThat(DEFAULTS.check(URI.create("https://93.184.215.14:8443/hook")).addresses())
                .containsExactly(ip(93, 184, 215, 14));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/",
                "https://127.1.2.3:5432/",
                "https://[::1]:8080/actuator",
                "https://0.0.0.0/",
                "https://10.0.0.1/",
                "https://172.16.5.4/",
                "https://172.31.255.255/",
                "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data/",
                "https://100.100.100.200/",
                "https://[fd00:ec2::254]/",
                "https://[fe80::1]/",
                "https://[fc00::1]/",
                "https://224.0.0.1/",
                "https://239.255.255.250/",
                "https://255.255.255.255/",
                "https://[ff02::1]/",
                "https://[::ffff:127.0.0.1]/",
                "https://[::ffff:169.254.169.254]/",
                "https://[64:ff9b::a00:1]/",
                "https://[2002:7f00:1::]/",
                "https://[::]/",
                "https://198.18.0.1/",
                "https://internal.example.com/",
                "https://metadata.example.com/",
                "https://rebind.example.com/"
            })
    void nonPublicDestinationsAreRefusedSayingWhy(String url) {
        assertThatThrownBy(() -> DEFAULTS.check(URI.create(url)))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageContaining("public addresses only")
                .hasMessageContaining("greenscribe.webhooks.allowed-addresses");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://2130706433/",
                "https://0x7f.1/",
                "https://0177.0.0.1/",
                "https://127.1/",
                "https://017700000001/"
            })
    void numericHostSpellingsOtherThanDottedQuadsAreRefused(String url) {
        // (java.net.URI already finds no host in some of them)
        assertThatThrownBy(() -> DEFAULTS.check(URI.create(url)))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageMatching(".*(not a plain IPv4|no valid host name).*");
    }

    @Test
    void httpCredentialsAndOtherSchemesAreRefused() {
        assertThatThrownBy(() -> DEFAULTS.check(URI.create("http://hooks.example.com/")))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> DEFAULTS.check(URI.create("https://user:pw@hooks.example.com/")))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> DEFAULTS.check(URI.create("https://user@hooks.example.com/")))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> DEFAULTS.check(URI.create("ftp://hooks.example.com/")))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> DEFAULTS.check(URI.create("/relative"))).hasMessageContaining("absolute");
        assertThatThrownBy(() -> DEFAULTS.check(URI.create("https://nowhere.example.com/")))
                .hasMessageContaining("resolve");
    }

    @Test
    void anOperatorCanAllowARangeAndPlainHttp() {
        WebhookProperties local = new WebhookProperties(
                true,
                List.of("127.0.0.1/32", "10.1.0.0/16"),
                6,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        EgressPolicy policy = policy(local, List.of());
        assertThat(policy.check(URI.create("http://127.0.0.1:9000/hook")).addresses())
                .containsExactly(ip(127, 0, 0, 1));
        assertThat(policy.check(URI.create("https://internal.example.com/")).addresses())
                .containsExactly(ip(10, 1, 2, 3));
        // only what is listed: the rest of loopback and the metadata address stay closed
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.2/"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> policy.check(URI.create("http://169.254.169.254/")))
                .hasMessageContaining("link-local");
    }

    @Test
    void aHostAllowListNarrowsFurther() {
        EgressPolicy policy = policy(WebhookProperties.defaults(), List.of("hooks.example.com"));
        assertThat(policy.check(URI.create("https://HOOKS.example.com/x")).addresses())
                .hasSize(1);
        assertThatThrownBy(() -> policy.check(URI.create("https://93.184.215.14/")))
                .hasMessageContaining("not allowed");
    }

    @Test
    void addressRangesParseStrictly() {
        assertThat(AddressRange.parse("10.0.0.0/8").contains(ip(10, 255, 0, 1))).isTrue();
        assertThat(AddressRange.parse("10.0.0.0/8").contains(ip(11, 0, 0, 1))).isFalse();
        assertThat(AddressRange.parse("172.16.0.0/12").contains(ip(172, 31, 0, 1)))
                .isTrue();
        assertThat(AddressRange.parse("172.16.0.0/12").contains(ip(172, 32, 0, 1)))
                .isFalse();
        assertThatThrownBy(() -> AddressRange.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookProperties(
                        false,
                        List.of("10.0.0/8"),
                        6,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EgressPolicy policy(WebhookProperties properties, List<String> hosts) {
        return new EgressPolicy(properties, hosts, host -> {
            InetAddress[] a = DNS.get(host.toLowerCase(java.util.Locale.ROOT));
            if (a == null) {
                throw new UnknownHostException(host);
            }
            return a;
        });
    }

    private static InetAddress ip(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

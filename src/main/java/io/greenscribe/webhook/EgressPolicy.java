package io.greenscribe.webhook;

import io.greenscribe.system.GreenScribeException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may go. Checked when a job is submitted (so a bad URL is a 400 at once) and again
 * before each delivery, whose connection then goes only to the addresses checked here: a name that
 * resolves differently between the check and the connection (DNS rebinding) cannot steer it.
 */
public final class EgressPolicy {

    /** Turns a host name into addresses; a seam for tests, which must not send traffic anywhere. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A checked destination: the URL and the addresses its connection may use. */
    public record Destination(URI url, List<InetAddress> addresses) {}

    private final WebhookProperties properties;
    private final List<String> allowedHosts;
    private final List<AddressRange> allowedAddresses;
    private final Resolver resolver;

    public EgressPolicy(WebhookProperties properties, List<String> allowedHosts, Resolver resolver) {
        this.properties = properties;
        this.allowedHosts =
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.allowedAddresses =
                properties.allowedAddresses().stream().map(AddressRange::parse).toList();
        this.resolver = resolver;
    }

    public EgressPolicy(WebhookProperties properties, List<String> allowedHosts) {
        this(properties, allowedHosts, InetAddress::getAllByName);
    }

    /**
     * The destination of {@code url} if a webhook may go there.
     *
     * @throws GreenScribeException (400) saying what is wrong with the URL
     */
    public Destination check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw refused("callbackUrl must be an absolute https URL.");
        }
        if (scheme.equals("http") && !properties.allowHttp()) {
            throw refused("callbackUrl must use https (this server does not send webhooks over plain http).");
        }
        if (url.getRawUserInfo() != null) {
            throw refused(
                    "callbackUrl must not carry credentials (user:password@); authenticate the notice by its signature.");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw refused("callbackUrl has no valid host name.");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!allowedHosts.isEmpty() && !allowedHosts.contains(host)) {
            throw refused("callbackUrl host '" + host + "' is not allowed on this server.");
        }
        List<InetAddress> addresses = addresses(host);
        for (InetAddress address : addresses) {
            if (allowedAddresses.stream().anyMatch(r -> r.contains(address))) {
                continue;
            }
            Optional<String> kind = NonPublicAddresses.kind(address);
            if (kind.isPresent()) {
                throw refused("callbackUrl host '" + host + "' is "
                        + (host.equals(address.getHostAddress()) ? "" : "at " + address.getHostAddress() + ", ") + "a "
                        + kind.get()
                        + " address; webhooks go to public addresses only (an operator can allow a range with "
                        + "greenscribe.webhooks.allowed-addresses).");
            }
        }
        return new Destination(url, addresses);
    }

    private List<InetAddress> addresses(String host) {
        byte[] literal = AddressRange.literal(host);
        try {
            if (literal != null) {
                return List.of(InetAddress.getByAddress(literal));
            }
            if (host.startsWith("[") || host.matches("[0-9.]+|0x.*|.*\\.0x.*")) {
                // other numeric spellings (2130706433, 0177.1, 0x7f.1) resolve to addresses too, in
                // ways that differ between libraries; only the plain forms are accepted
                throw refused(
                        "callbackUrl host '" + host + "' is not a plain IPv4 or IPv6 address; write a.b.c.d or [v6].");
            }
            InetAddress[] resolved = resolver.resolve(host);
            if (resolved == null || resolved.length == 0) {
                throw refused("callbackUrl host '" + host + "' does not resolve.");
            }
            return List.of(resolved);
        } catch (UnknownHostException e) {
            throw refused("callbackUrl host '" + host + "' does not resolve.");
        }
    }

    private static GreenScribeException refused(String message) {
        return new GreenScribeException(message);
    }
}

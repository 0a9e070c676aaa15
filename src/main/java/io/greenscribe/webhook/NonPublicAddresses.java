package io.greenscribe.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Addresses a webhook must not reach unless an operator allows them: everything that is not
 * public unicast (IANA special-purpose registries), including the cloud metadata endpoints
 * (169.254.169.254 and fd00:ec2::254 sit in link-local and unique-local space). IPv6 forms that
 * carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 */
final class NonPublicAddresses {

    private record Named(AddressRange range, String kind) {}

    private static final List<Named> RANGES = List.of(
            v("0.0.0.0/8", "\"this network\""),
            v("10.0.0.0/8", "private"),
            v("100.64.0.0/10", "shared (carrier-grade NAT)"),
            v("127.0.0.0/8", "loopback"),
            v("169.254.0.0/16", "link-local (cloud metadata)"),
            v("172.16.0.0/12", "private"),
            v("192.0.0.0/24", "IETF protocol assignment"),
            v("192.0.2.0/24", "documentation"),
            v("192.88.99.0/24", "6to4 relay"),
            v("192.168.0.0/16", "private"),
            v("198.18.0.0/15", "benchmarking"),
            v("198.51.100.0/24", "documentation"),
            v("203.0.113.0/24", "documentation"),
            v("224.0.0.0/4", "multicast"),
            v("240.0.0.0/4", "reserved"),
            v("::/128", "unspecified"),
            v("::1/128", "loopback"),
            v("100::/64", "discard-only"),
            v("2001::/23", "IETF protocol assignment"),
            v("2001:db8::/32", "documentation"),
            v("fc00::/7", "unique-local (cloud metadata)"),
            v("fe80::/10", "link-local"),
            v("fec0::/10", "site-local"),
            v("ff00::/8", "multicast"));

    private NonPublicAddresses() {}

    /** What kind of non-public address this is, or empty for a public unicast address. */
    static Optional<String> kind(InetAddress address) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (judged.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        for (Named n : RANGES) {
            if (n.range().contains(judged)) {
                return Optional.of(n.kind());
            }
        }
        if (judged instanceof Inet4Address && judged.getAddress()[0] == (byte) 255) {
            return Optional.of("broadcast");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped, -compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] a = address.getAddress();
        int from = -1;
        if (allZero(a, 0, 10)
                && ((a[10] == (byte) 0xff && a[11] == (byte) 0xff)
                        || (a[10] == 0 && a[11] == 0 && !allZero(a, 12, 14)))) {
            from = 12; // ::ffff:a.b.c.d, ::a.b.c.d
        } else if (a[0] == 0x00 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b && allZero(a, 4, 12)) {
            from = 12; // 64:ff9b::a.b.c.d
        } else if (a[0] == 0x20 && a[1] == 0x02) {
            from = 2; // 2002:AABB:CCDD::
        }
        if (from < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Named v(String cidr, String kind) {
        return new Named(AddressRange.parse(cidr), kind);
    }
}

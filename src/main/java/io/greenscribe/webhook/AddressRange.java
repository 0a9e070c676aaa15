package io.greenscribe.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 prefix ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address is its own /32 or /128. */
record AddressRange(byte[] prefix, int bits, String text) {

    static AddressRange parse(String cidr) {
        String s = cidr.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an address range such as 10.0.0.0/8 or fc00::/7");
        }
        int bits;
        try {
            bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has no prefix length after the slash");
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length out of range");
        }
        return new AddressRange(bytes, bits, s);
    }

    boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (prefix[full] & mask);
    }

    /**
     * The bytes of an address written as a literal, or {@code null}. Only literals: a name is never
     * looked up here (colons mean IPv6; otherwise exactly four decimal parts).
     */
    static byte[] literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            if (t.contains(":")) {
                if (!t.matches("[0-9A-Fa-f:.]+")) {
                    return null;
                }
                return InetAddress.getByName(t).getAddress(); // a literal: no lookup
            }
            String[] parts = t.split("\\.", -1);
            if (parts.length != 4 || !Arrays.stream(parts).allMatch(p -> p.matches("0|[1-9][0-9]{0,2}"))) {
                return null;
            }
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            }
            return b;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange r && r.bits == bits && Arrays.equals(r.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + bits;
    }

    @Override
    public String toString() {
        return text;
    }
}

package io.greenscribe.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Formatting for templates ({@code ${@fmt.time(x)}}); times are UTC, as the forms say. */
@Component("fmt")
class ConsoleFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    public String shortTime(Instant t) {
        return t == null ? "—" : SHORT.format(t);
    }

    public String num(Double value, int decimals) {
        return value == null || value.isNaN() ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    public String seconds(double s) {
        long whole = (long) s;
        return String.format(Locale.ROOT, "%d:%02d.%01d", whole / 60, whole % 60, (long) ((s - whole) * 10));
    }

    /** A time-to-live in its largest whole unit: "7 d", "12 h", "90 min", "45 s". */
    public String duration(java.time.Duration d) {
        if (d == null) {
            return "—";
        }
        long s = d.toSeconds();
        if (s != 0 && s % 86_400 == 0) {
            return s / 86_400 + " d";
        }
        if (s != 0 && s % 3600 == 0) {
            return s / 3600 + " h";
        }
        return s != 0 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    public String bytes(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}

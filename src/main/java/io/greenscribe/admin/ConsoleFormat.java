package io.greenscribe.admin;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates ({@code ${@fmt.time(x)}}) in the request's language: times in the
 * console's zone ({@code greenscribe.admin.time-zone}, else the server's) with the zone written
 * out, numbers with the language's separators, units and reasons from the message bundles.
 */
@Component("fmt")
class ConsoleFormat {

    private final MessageSource messages;
    private final ZoneId zone;
    private final Clock clock;

    ConsoleFormat(MessageSource messages, AdminProperties properties, Clock clock) {
        this.messages = messages;
        this.zone = properties.zone();
        this.clock = clock;
    }

    ZoneId zone() {
        return zone;
    }

    /** The zone as the times write it now, e.g. "UTC", "CET" or "CST" (summer time shows as such). */
    public String zoneName() {
        return DateTimeFormatter.ofPattern("z", locale()).withZone(zone).format(clock.instant());
    }

    public String time(Instant t) {
        return format(t, "fmt.time");
    }

    public String shortTime(Instant t) {
        return format(t, "fmt.shortTime");
    }

    private String format(Instant t, String patternKey) {
        if (t == null) {
            return "—";
        }
        Locale l = locale();
        return DateTimeFormatter.ofPattern(messages.getMessage(patternKey, null, l), l)
                .withZone(zone)
                .format(t);
    }

    public String num(Number value) {
        return value == null ? "—" : NumberFormat.getIntegerInstance(locale()).format(value);
    }

    public String num(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    /** A number with its unit as the language writes it ({@code unit.s}: "{0} s" or "{0} 秒"); "—" when absent. */
    public String unit(String unit, Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return "—";
        }
        return messages.getMessage("unit." + unit, new Object[] {num(value, decimals)}, locale());
    }

    /**
     * A scheduling or history reason for people: a {@code SchedulingDecision.Reason} or an event
     * log reason ({@code GREENEST_WINDOW}, {@code planned-start-reached}) read from
     * {@code reason.*}; one the bundles do not know is shown in plain words.
     */
    public String reason(Object reason) {
        if (reason == null) {
            return "";
        }
        String key = reasonKey(reason.toString());
        return messages.getMessage("reason." + key, null, key.replace('-', ' '), locale());
    }

    static String reasonKey(String reason) {
        return reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Week days as the API names them ({@code MON}), in the language's short names, joined. */
    public String days(java.util.List<String> days) {
        return days.stream().map(ConsoleFormat::dayName).collect(java.util.stream.Collectors.joining(", "));
    }

    static String dayName(String day) {
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            if (d.name().startsWith(day.toUpperCase(Locale.ROOT))) {
                return d.getDisplayName(java.time.format.TextStyle.SHORT, locale());
            }
        }
        return day;
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
            return messages.getMessage("fmt.unknown", null, locale());
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return num(v, u == 0 ? 0 : 1) + " " + units[u];
    }

    /** A text from the bundles in the request's language, for controllers' flash messages. */
    String text(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}

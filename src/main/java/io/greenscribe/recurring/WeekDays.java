package io.greenscribe.recurring;

import io.greenscribe.system.GreenScribeException;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Days of the week as recurring batches write them: {@code MON,TUE,…}; none given means every day. */
final class WeekDays {

    private WeekDays() {}

    /** Accepts {@code MON} or {@code MONDAY}, in any case. */
    static Set<DayOfWeek> parse(List<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : names == null ? List.<String>of() : names) {
            String key = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
            DayOfWeek day = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().equals(key) || d.name().substring(0, 3).equals(key)) {
                    day = d;
                }
            }
            if (day == null) {
                throw new GreenScribeException(
                        "days: '" + name + "' is not a day; use MON, TUE, WED, THU, FRI, SAT, SUN.");
            }
            days.add(day);
        }
        return days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days;
    }

    static String format(Set<DayOfWeek> days) {
        return days.stream().sorted().map(WeekDays::abbreviation).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> read(String stored) {
        return parse(List.of(stored.split(",")));
    }

    static List<String> names(Set<DayOfWeek> days) {
        return days.stream().sorted().map(WeekDays::abbreviation).toList();
    }

    private static String abbreviation(DayOfWeek d) {
        return d.name().substring(0, 3);
    }
}

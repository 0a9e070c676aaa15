package io.greenscribe.text.en;

import java.util.Locale;

/** How numbers are written: AP-style grouping, ordinal suffixes, scale words. */
final class Written {

    private Written() {}

    /**
     * A cardinal in digits. Four-digit numbers stay ungrouped so years and "1500" read naturally;
     * from 10,000 on, commas group thousands. A single multiple of a million or more keeps its scale
     * word ("2 million"), as newspapers write it.
     */
    static String cardinal(SpokenNumber number) {
        if (number.scaleWord() != null) {
            return number.mantissa() + " " + number.scaleWord();
        }
        return grouped(number.value(), 10_000);
    }

    /** A number grouped with commas once it reaches {@code threshold}. */
    static String grouped(long value, long threshold) {
        return Math.abs(value) >= threshold ? String.format(Locale.ROOT, "%,d", value) : Long.toString(value);
    }

    static String ordinal(long value) {
        long lastTwo = value % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch ((int) (value % 10)) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return value + suffix;
    }
}

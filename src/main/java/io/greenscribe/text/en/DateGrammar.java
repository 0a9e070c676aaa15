package io.greenscribe.text.en;

import java.util.List;

/**
 * Dates: "january first twenty twenty four" to January 1, 2024, "the fifth of may" to May 5,
 * "march nineteen ninety" to March 1990. "May" and "March" are also verbs, so after them only
 * an ordinal day or a year makes a date ("may five people" stays).
 */
final class DateGrammar implements Grammar {

    private static final List<String> MONTHS = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    @Override
    public Match match(Tokens tokens, int i) {
        int month = MONTHS.indexOf(tokens.word(i));
        return month >= 0 ? monthFirst(tokens, i, month) : dayFirst(tokens, i);
    }

    /** "january first [2024]", "january the first", "june five", "january twenty twenty four". */
    private static Match monthFirst(Tokens tokens, int i, int month) {
        String name = monthName(month);
        int d = tokens.next(i);
        boolean the = tokens.word(d).equals("the");
        SpokenNumber day = CardinalParser.parse(tokens, the ? tokens.next(d) : d);
        boolean verbLike = month == 2 || month == 4;
        Match dated = null;
        if (day != null && isDay(day) && (day.ordinal() || !the && !verbLike)) {
            dated = withYear(tokens, day.end(), name + " " + day.value());
        }
        Match year = year(tokens, d);
        if (year != null && (dated == null || year.end() > dated.end())) {
            return new Match(year.end(), name + " " + year.written());
        }
        return dated;
    }

    /** "[the] fifth of may [2024]". */
    private static Match dayFirst(Tokens tokens, int i) {
        int d = tokens.word(i).equals("the") ? tokens.next(i) : i;
        SpokenNumber day = d < 0 ? null : CardinalParser.parse(tokens, d);
        if (day == null || !day.ordinal() || !isDay(day)) {
            return null;
        }
        int of = tokens.next(day.end());
        int month = MONTHS.indexOf(tokens.word(tokens.next(of)));
        if (!tokens.word(of).equals("of") || month < 0) {
            return null;
        }
        return withYear(tokens, tokens.next(of), monthName(month) + " " + day.value());
    }

    private static Match withYear(Tokens tokens, int end, String date) {
        int y = tokens.next(end);
        if (y < 0 && tokens.followedBy(end, ",")) {
            y = tokens.next(end + 1);
        }
        Match year = year(tokens, y);
        return year == null ? new Match(end, date) : new Match(year.end(), date + ", " + year.written());
    }

    /** A year in pairs, a cardinal from 1000 to 2999, or four digits already written. */
    private static Match year(Tokens tokens, int i) {
        if (i < 0) {
            return null;
        }
        if (tokens.word(i).matches("[12]\\d{3}")) {
            return new Match(i, tokens.word(i));
        }
        Match paired = Years.parse(tokens, i);
        SpokenNumber number = CardinalParser.parse(tokens, i);
        if (number != null
                && !number.ordinal()
                && !number.leadingA()
                && number.value() >= 1000
                && number.value() <= 2999
                && (paired == null || number.end() > paired.end())) {
            return new Match(number.end(), Long.toString(number.value()));
        }
        return paired != null && !paired.written().endsWith("s") ? paired : null;
    }

    private static boolean isDay(SpokenNumber day) {
        return !day.leadingA() && day.value() >= 1 && day.value() <= 31;
    }

    private static String monthName(int month) {
        String name = MONTHS.get(month);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

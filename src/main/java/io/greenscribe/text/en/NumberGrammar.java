package io.greenscribe.text.en;

import java.util.Set;

/**
 * Cardinals, ordinals, decimals, negatives, percentages, years and numbers before a unit. What
 * stays in words, and why:
 * <ul>
 *   <li>a lone cardinal or ordinal below ten ("one of them", "two people", "first of all", "a second")
 *       unless a unit or "percent" follows: AP style, and it keeps lexical uses of "one" intact;
 *   <li>"a hundred", "a million" alone, where "a" is an article as much as a number;
 *   <li>an ordinal after "a" or a small cardinal ("a tenth of"), which is a fraction;
 *   <li>number words that run into more number words they cannot join ("twelve thirty" without a
 *       time cue, "five six seven"): a time, a score or a list, which guessing would garble;
 *   <li>a year-like pair before "years" ("sixteen seventeen years old"), which is a range.
 * </ul>
 */
final class NumberGrammar implements Grammar {

    private static final Set<String> FRACTION_LEADS =
            Set.of("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    @Override
    public Match match(Tokens tokens, int i) {
        Match year = Years.parse(tokens, i);
        SpokenAmount amount = SpokenAmount.parse(tokens, i);
        if (year != null && (amount == null || year.end() >= amount.end())) {
            // "sixteen seventeen years old" is a range of ages, not the year 1617.
            String after = tokens.word(tokens.next(year.end()));
            return after.equals("years") || after.equals("year") ? keepRun(tokens, i, tokens.next(i)) : year;
        }
        if (amount == null) {
            return null;
        }
        int after = tokens.next(amount.end());
        String unit = tokens.word(after);
        if (!amount.number().ordinal()) {
            if (unit.equals("percent")) {
                return new Match(after, amount.signed() + "%");
            }
            if (unit.equals("per") && tokens.word(tokens.next(after)).equals("cent")) {
                return new Match(tokens.next(after), amount.signed() + "%");
            }
            if (NumberWord.MEASURES.contains(unit)) {
                return new Match(amount.end(), amount.signed());
            }
        }
        if (NumberWord.isNumberWord(unit) && !amount.decimal()) {
            return keepRun(tokens, i, after);
        }
        if (amount.number().ordinal()) {
            return ordinal(tokens, i, amount.number());
        }
        if (amount.bareSmall() || amount.number().leadingA() && amount.number().words() == 2) {
            return null;
        }
        return new Match(amount.end(), amount.signed());
    }

    private static Match ordinal(Tokens tokens, int i, SpokenNumber number) {
        if (number.value() < 10 || FRACTION_LEADS.contains(tokens.word(tokens.previous(i)))) {
            return null;
        }
        return new Match(number.end(), Written.ordinal(number.value()));
    }

    /** The whole run of number words from {@code i}, unchanged, so no part of it is converted later. */
    private static Match keepRun(Tokens tokens, int i, int next) {
        int end = next;
        for (int j = tokens.nextInNumber(next);
                j >= 0 && NumberWord.isNumberWord(tokens.word(j));
                j = tokens.nextInNumber(j)) {
            end = j;
        }
        return new Match(end, tokens.text(i, end));
    }
}

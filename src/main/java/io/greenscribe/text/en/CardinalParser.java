package io.greenscribe.text.en;

import io.greenscribe.text.en.NumberWord.Kind;

/**
 * Reads the longest English number at a token: "one hundred and five", "two thousand twenty four",
 * "twenty-first", "fifteen hundred", "a thousand and one". A plain left-to-right state machine: the
 * grammar is small enough that a table of allowed transitions says it better than a parser would.
 */
final class CardinalParser {

    private enum State {
        START,
        UNIT,
        TEEN,
        TENS,
        HUNDRED,
        SCALE,
        AND
    }

    private CardinalParser() {}

    /** The number starting at token {@code i}, or null when none does. */
    static SpokenNumber parse(Tokens tokens, int i) {
        String first = tokens.word(i);
        if (first.equals("zero")) {
            return new SpokenNumber(0, i, false, false, 1, null);
        }
        long total = 0;
        long section = 0;
        long lastScale = Long.MAX_VALUE;
        boolean hundredInSection = false;
        boolean leadingA = first.equals("a") || first.equals("an");
        State state = State.START;
        int words = 0;
        int j = i;
        if (leadingA) {
            j = tokens.next(i);
            NumberWord after = NumberWord.of(tokens.word(j));
            if (after == null || after.ordinal() || after.kind() != Kind.HUNDRED && after.kind() != Kind.SCALE) {
                return null;
            }
            section = 1;
            state = State.UNIT;
            words = 1;
        }
        SpokenNumber best = null;
        while (j >= 0) {
            String w = tokens.word(j);
            if (w.equals("and")) {
                NumberWord after = NumberWord.of(tokens.word(tokens.next(j)));
                if (state != State.HUNDRED && state != State.SCALE
                        || after == null
                        || after.kind() == Kind.HUNDRED
                        || after.kind() == Kind.SCALE) {
                    break;
                }
                state = State.AND;
                words++;
                j = tokens.next(j);
                continue;
            }
            NumberWord word = NumberWord.of(w);
            if (word == null || !allowed(state, word, section, hundredInSection, lastScale)) {
                break;
            }
            String scaleWord = null;
            switch (word.kind()) {
                case UNIT, TEEN, TENS -> section += word.value();
                case HUNDRED -> {
                    section = section == 0 ? 100 : section * 100;
                    hundredInSection = true;
                }
                case SCALE -> {
                    boolean firstGroup = total == 0;
                    total += (section == 0 ? 1 : section) * word.value();
                    if (firstGroup && word.value() >= 1_000_000 && !word.ordinal()) {
                        scaleWord = w;
                    }
                    section = 0;
                    hundredInSection = false;
                    lastScale = word.value();
                }
            }
            state = State.valueOf(word.kind().name());
            words++;
            best = new SpokenNumber(total + section, j, word.ordinal(), leadingA, words, scaleWord);
            if (word.ordinal()) {
                break;
            }
            j = tokens.nextInNumber(j);
        }
        return best;
    }

    private static boolean allowed(
            State state, NumberWord word, long section, boolean hundredInSection, long lastScale) {
        return switch (word.kind()) {
            case UNIT -> state != State.UNIT && state != State.TEEN;
            case TEEN, TENS ->
                state == State.START || state == State.HUNDRED || state == State.SCALE || state == State.AND;
            // "hundredth" and "thousandth" may stand alone; "fifteen hundred" and "ninety nine hundred" may not
            // be followed by a scale, which the section bound below enforces.
            case HUNDRED ->
                state == State.START
                        ? word.ordinal()
                        : (state == State.UNIT || state == State.TEEN || state == State.TENS)
                                && !hundredInSection
                                && section > 0
                                && section < 100;
            case SCALE ->
                state == State.START
                        ? word.ordinal()
                        : state != State.AND && section > 0 && section < 1000 && word.value() < lastScale;
        };
    }
}

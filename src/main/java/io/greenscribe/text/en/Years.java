package io.greenscribe.text.en;

/**
 * Years read in pairs: "nineteen ninety nine", "twenty twenty four", "nineteen oh five", and decades
 * ("nineteen eighties"). The first pair must be 13 to 20 so that clock times read the same way
 * ("twelve fifteen", "ten thirty") never become years: an hour is at most twelve.
 */
final class Years {

    private Years() {}

    /** The year starting at token {@code i}, or null. */
    static Grammar.Match parse(Tokens tokens, int i) {
        NumberWord century = NumberWord.of(tokens.word(i));
        if (century == null
                || century.ordinal()
                || century.value() < 13
                || century.value() > 20
                || century.kind() == NumberWord.Kind.UNIT) {
            return null;
        }
        long hundreds = century.value() * 100;
        int j = tokens.next(i);
        String w = tokens.word(j);
        if (NumberWord.DECADES.containsKey(w)) {
            return new Grammar.Match(j, (hundreds + NumberWord.DECADES.get(w)) + "s");
        }
        if ((w.equals("oh") || w.equals("o")) && unit(tokens, tokens.next(j)) > 0) {
            return new Grammar.Match(tokens.next(j), Long.toString(hundreds + unit(tokens, tokens.next(j))));
        }
        NumberWord rest = NumberWord.of(w);
        if (rest == null || rest.ordinal()) {
            return null;
        }
        return switch (rest.kind()) {
            case TEEN -> new Grammar.Match(j, Long.toString(hundreds + rest.value()));
            case TENS -> {
                int u = tokens.nextInNumber(j);
                yield unit(tokens, u) > 0
                        ? new Grammar.Match(u, Long.toString(hundreds + rest.value() + unit(tokens, u)))
                        : new Grammar.Match(j, Long.toString(hundreds + rest.value()));
            }
            case HUNDRED -> new Grammar.Match(j, Long.toString(hundreds));
            default -> null;
        };
    }

    /** 1 to 9 when token {@code i} is a cardinal unit word, else 0. */
    static long unit(Tokens tokens, int i) {
        NumberWord word = NumberWord.of(tokens.word(i));
        return word != null && !word.ordinal() && word.kind() == NumberWord.Kind.UNIT ? word.value() : 0;
    }
}

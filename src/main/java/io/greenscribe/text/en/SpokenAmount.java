package io.greenscribe.text.en;

/**
 * A quantity as money, percentages and measures take it: a cardinal or decimal, maybe negative,
 * maybe with a scale word ("minus four", "three point five", "two point five million").
 *
 * @param digits the written number without sign, for example "3.5", "1200", "2.5 million"
 * @param end index of the last token
 * @param negative whether "minus" or "negative" came first
 * @param decimal whether it had a "point"
 * @param number the integer part as spoken
 */
record SpokenAmount(String digits, int end, boolean negative, boolean decimal, SpokenNumber number) {

    String signed() {
        return negative ? "-" + digits : digits;
    }

    /** Whether a scale word ends it ("2.5 million"), which money and percentages keep as words. */
    boolean scaled() {
        return digits.indexOf(' ') >= 0;
    }

    /**
     * A lone cardinal below ten with nothing marking it numeric. These stay words in running text
     * ("one of them", "two people"), the AP convention, unless a unit or currency follows.
     */
    boolean bareSmall() {
        return !negative && !decimal && !number.ordinal() && number.value() < 10;
    }

    /** The amount starting at token {@code i}, or null. Ordinals come back only unsigned. */
    static SpokenAmount parse(Tokens tokens, int i) {
        String first = tokens.word(i);
        boolean negative = first.equals("minus") || first.equals("negative");
        int j = negative ? tokens.next(i) : i;
        SpokenNumber number = j < 0 ? null : CardinalParser.parse(tokens, j);
        if (number == null || number.ordinal() && negative) {
            return null;
        }
        int point = tokens.next(number.end());
        if (number.ordinal()
                || number.leadingA()
                || number.scaleWord() != null
                || !tokens.word(point).equals("point")) {
            return new SpokenAmount(Written.cardinal(number), number.end(), negative, false, number);
        }
        StringBuilder fraction = new StringBuilder();
        int end = number.end();
        for (int d = tokens.next(point); d >= 0 && NumberWord.DIGITS.containsKey(tokens.word(d)); d = tokens.next(d)) {
            fraction.append(NumberWord.DIGITS.get(tokens.word(d)));
            end = d;
        }
        if (fraction.isEmpty()) {
            return new SpokenAmount(Written.cardinal(number), number.end(), negative, false, number);
        }
        String digits = Written.grouped(number.value(), 10_000) + "." + fraction;
        int scale = tokens.next(end);
        NumberWord scaleWord = NumberWord.of(tokens.word(scale));
        if (scaleWord != null && !scaleWord.ordinal() && scaleWord.value() >= 1_000_000) {
            digits += " " + tokens.word(scale);
            end = scale;
        }
        return new SpokenAmount(digits, end, negative, true, number);
    }
}

package io.greenscribe.text.en;

import java.util.Map;
import java.util.Set;

/**
 * Money: "five dollars" to $5, "twelve dollars and fifty cents" and "twelve dollars fifty" to
 * $12.50, "two point five million euros" to €2.5 million, "three pounds" to £3. "Pounds of"
 * is weight, not money. Cents alone stay a measure ("50 cents").
 */
final class MoneyGrammar implements Grammar {

    private static final Map<String, String> SYMBOLS =
            Map.of("dollar", "$", "dollars", "$", "euro", "€", "euros", "€", "pound", "£", "pounds", "£", "yen", "¥");

    private static final Set<String> MINOR_UNITS = Set.of("cent", "cents", "pence", "p");

    @Override
    public Match match(Tokens tokens, int i) {
        SpokenAmount amount = SpokenAmount.parse(tokens, i);
        if (amount == null || amount.number().ordinal()) {
            return null;
        }
        int currency = tokens.next(amount.end());
        String symbol = SYMBOLS.get(tokens.word(currency));
        if (symbol == null
                || symbol.equals("£") && tokens.word(tokens.next(currency)).equals("of")) {
            return null;
        }
        int end = tokens.word(tokens.next(currency)).equals("sterling") ? tokens.next(currency) : currency;
        String sign = amount.negative() ? "-" : "";
        if (amount.decimal() || amount.scaled()) {
            return new Match(end, sign + symbol + money(amount.digits()));
        }
        String major = Written.grouped(amount.number().value(), 1_000);
        int minorStart = tokens.next(end);
        boolean and = tokens.word(minorStart).equals("and");
        SpokenNumber minor = CardinalParser.parse(tokens, and ? tokens.next(minorStart) : minorStart);
        if (minor != null && !minor.ordinal() && !minor.leadingA() && minor.value() > 0 && minor.value() < 100) {
            int unit = tokens.next(minor.end());
            boolean named = MINOR_UNITS.contains(tokens.word(unit));
            // "five dollars and ten people" is not $5.10: without "cents" the minor part must end the phrase.
            if (named || !and && !NumberWord.isNumberWord(tokens.word(unit))) {
                return new Match(
                        named ? unit : minor.end(), sign + symbol + major + "." + String.format("%02d", minor.value()));
            }
        }
        return new Match(end, sign + symbol + major);
    }

    /** Decimal money shows whole cents: "3.5" becomes "3.50", but "2.5 million" stays. */
    private static String money(String digits) {
        int point = digits.indexOf('.');
        boolean oneDecimal = point >= 0 && digits.indexOf(' ') < 0 && digits.length() - point == 2;
        return oneDecimal ? digits + "0" : digits;
    }
}

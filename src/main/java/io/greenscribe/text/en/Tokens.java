package io.greenscribe.text.en;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text cut into words, digit groups and single punctuation marks, with their offsets, so a
 * grammar can match word sequences and the normalizer can splice a replacement into the original
 * text without touching what lies around it.
 */
final class Tokens {

    // Digit groups keep their inner separators and letters ("3.5", "1,000", "3:30", "21st") so
    // text that already has digits is one token no grammar matches: that is what keeps ITN idempotent.
    private static final Pattern TOKEN =
            Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*|\\p{N}[\\p{L}\\p{N}]*(?:[.,:]\\p{N}[\\p{L}\\p{N}]*)*|\\S");

    private record Token(int start, int end, boolean word) {}

    private final String source;
    private final List<Token> tokens;
    private final List<String> lower;

    private Tokens(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
        this.lower = tokens.stream()
                .map(t -> source.substring(t.start(), t.end())
                        .toLowerCase(Locale.ROOT)
                        .replace('’', '\''))
                .toList();
    }

    static Tokens of(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new Token(m.start(), m.end(), Character.isLetter(text.codePointAt(m.start()))));
        }
        return new Tokens(text, tokens);
    }

    int size() {
        return tokens.size();
    }

    boolean isWord(int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).word();
    }

    /** The token lower-cased, or "" when {@code i} is out of range, so callers can compare blindly. */
    String word(int i) {
        return i >= 0 && i < tokens.size() ? lower.get(i) : "";
    }

    int start(int i) {
        return tokens.get(i).start();
    }

    int end(int i) {
        return tokens.get(i).end();
    }

    /** The original text from token {@code from} to token {@code to}, both included. */
    String text(int from, int to) {
        return source.substring(start(from), end(to));
    }

    /** The token after {@code i} when only whitespace separates them, else -1. */
    int next(int i) {
        int j = i + 1;
        return i >= 0 && j < tokens.size() && spaced(i, j) ? j : -1;
    }

    /** Like {@link #next} but also across a bare hyphen, as in "twenty-one". */
    int nextInNumber(int i) {
        int j = next(i);
        if (j >= 0 || i < 0) {
            return j;
        }
        return word(i + 1).equals("-") && touching(i, i + 1) && isWord(i + 2) && touching(i + 1, i + 2) ? i + 2 : -1;
    }

    /** The token before {@code i} when only whitespace separates them, else -1. */
    int previous(int i) {
        return i > 0 && spaced(i - 1, i) ? i - 1 : -1;
    }

    /** Whether token {@code i + 1} is {@code symbol} with nothing between it and token {@code i}. */
    boolean followedBy(int i, String symbol) {
        return i >= 0 && word(i + 1).equals(symbol) && touching(i, i + 1);
    }

    private boolean spaced(int i, int j) {
        String gap = source.substring(end(i), start(j));
        return !gap.isEmpty() && gap.isBlank();
    }

    private boolean touching(int i, int j) {
        return end(i) == start(j);
    }
}

package io.greenscribe.text.en;

import io.greenscribe.text.TextNormalizer;
import java.util.List;

/**
 * English inverse text normalization, in the manner of NeMo's ITN grammars: spoken-form numbers,
 * money, percentages, dates and times written the way a reader expects. At each word the grammars
 * propose a phrase and the longest wins (dates and times before money before plain numbers on a
 * tie); only the matched words are replaced, so spacing, punctuation and case elsewhere survive.
 * Text already in digits is never matched, which makes the normalizer idempotent. See
 * {@link NumberGrammar} for what is deliberately left in words.
 */
public final class EnglishInverseNormalizer implements TextNormalizer {

    private static final List<Grammar> GRAMMARS =
            List.of(new DateGrammar(), new TimeGrammar(), new MoneyGrammar(), new NumberGrammar());

    @Override
    public String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Tokens tokens = Tokens.of(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < tokens.size()) {
            Grammar.Match best = tokens.isWord(i) ? longest(tokens, i) : null;
            if (best == null) {
                i++;
                continue;
            }
            out.append(text, copied, tokens.start(i)).append(best.written());
            copied = tokens.end(best.end());
            i = best.end() + 1;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static Grammar.Match longest(Tokens tokens, int i) {
        Grammar.Match best = null;
        for (Grammar grammar : GRAMMARS) {
            Grammar.Match match = grammar.match(tokens, i);
            if (match != null && (best == null || match.end() > best.end())) {
                best = match;
            }
        }
        return best;
    }
}

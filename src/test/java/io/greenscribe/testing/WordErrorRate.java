package io.greenscribe.testing;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word (or character) error rate with one normalisation for reference and hypothesis: lower case,
 * punctuation removed, whitespace collapsed; the same rules as bench/normalize.py's basic mode.
 */
public final class WordErrorRate {

    private WordErrorRate() {}

    public static String normalize(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = n.replace("mr.", "mister").replace("mrs.", "missus").replace("'", "");
        n = n.replaceAll("[\\p{P}\\p{S}]", " ");
        return n.replaceAll("\\s+", " ").strip();
    }

    public static List<String> words(String text) {
        String n = normalize(text);
        return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
    }

    /** Edit distance over {@code reference} length, on words. */
    public static double wer(String reference, String hypothesis) {
        List<String> ref = words(reference);
        return editDistance(ref, words(hypothesis)) / (double) Math.max(1, ref.size());
    }

    /** Edit distance over {@code reference} length, on characters without spaces (zh, ja). */
    public static double cer(String reference, String hypothesis) {
        List<String> ref = chars(reference);
        return editDistance(ref, chars(hypothesis)) / (double) Math.max(1, ref.size());
    }

    private static List<String> chars(String text) {
        return normalize(text)
                .replace(" ", "")
                .codePoints()
                .mapToObj(Character::toString)
                .toList();
    }

    static int editDistance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}

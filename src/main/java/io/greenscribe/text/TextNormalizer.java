package io.greenscribe.text;

/**
 * Rewrites recognized text into the form a reader expects, for example spoken-form numbers into
 * digits. Implementations are stateless and thread-safe, and {@code normalize} is idempotent:
 * normalizing already normalized text changes nothing.
 */
@FunctionalInterface
public interface TextNormalizer {

    /**
     * Normalizes one piece of text, keeping everything it does not rewrite (spacing, punctuation,
     * case) as it was.
     *
     * @param text recognized text; {@code null} is treated as empty
     * @return the normalized text, never {@code null}
     */
    String normalize(String text);

    /** The normalizer that changes nothing, for languages without rules and for ITN switched off. */
    static TextNormalizer identity() {
        return text -> text == null ? "" : text;
    }
}

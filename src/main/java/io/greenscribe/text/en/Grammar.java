package io.greenscribe.text.en;

/** One family of spoken forms (dates, times, money, numbers) that may start at a token. */
interface Grammar {

    /**
     * The written form of the longest phrase of this family starting at token {@code i}, or null.
     * A grammar may look at tokens before {@code i} for context but never replaces them.
     */
    Match match(Tokens tokens, int i);

    /**
     * A phrase to replace.
     *
     * @param end index of the phrase's last token
     * @param written what replaces the tokens from the start through {@code end}
     */
    record Match(int end, String written) {}
}

package io.greenscribe.text.en;

/**
 * A cardinal or ordinal read from number words.
 *
 * @param value the number
 * @param end index of its last token
 * @param ordinal whether the last word was an ordinal ("twenty first")
 * @param leadingA whether it began with "a" standing for one ("a hundred")
 * @param words how many tokens it spans, "and" included
 * @param scaleWord "million", "billion" or "trillion" when the number is a single multiple of one
 *     of them ("two million"), so it can be written the newspaper way ("2 million"); else null
 */
record SpokenNumber(long value, int end, boolean ordinal, boolean leadingA, int words, String scaleWord) {

    /** The part before the scale word: 2 for "two million". */
    long mantissa() {
        return scaleWord == null ? value : value / NumberWord.of(scaleWord).value();
    }
}

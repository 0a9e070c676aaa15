package io.greenscribe.text;

import io.greenscribe.text.en.EnglishInverseNormalizer;
import io.greenscribe.text.zh.MandarinInverseNormalizer;
import java.util.Locale;

/**
 * Chooses the inverse text normalizer (spoken form to written form) for a transcript's language.
 * English and Mandarin have rules; every other language gets {@link TextNormalizer#identity()}.
 */
public final class InverseTextNormalizer {

    private static final TextNormalizer ENGLISH = new EnglishInverseNormalizer();
    private static final TextNormalizer MANDARIN = new MandarinInverseNormalizer();

    private InverseTextNormalizer() {}

    /**
     * The normalizer for a language.
     *
     * @param iso an ISO 639-1 or 639-3 code or a BCP 47 tag as Whisper and clients send it
     *     ({@code en}, {@code en-GB}, {@code eng}, {@code zh}, {@code zh-Hans}, {@code cmn});
     *     case does not matter; {@code null} or blank means unknown
     * @return a thread-safe normalizer; the identity normalizer for languages without rules
     */
    public static TextNormalizer forLanguage(String iso) {
        if (iso == null || iso.isBlank()) {
            return TextNormalizer.identity();
        }
        String primary = iso.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (primary) {
            case "en", "eng", "english" -> ENGLISH;
            // Cantonese (yue) shares the numerals but not all the measure words and idioms; not covered.
            case "zh", "zho", "chi", "cmn", "chinese", "mandarin" -> MANDARIN;
            default -> TextNormalizer.identity();
        };
    }
}

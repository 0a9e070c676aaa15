package io.greenscribe.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InverseTextNormalizerTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "EN", "en-GB", "en_US", "eng", "english"})
    void choosesEnglishRules(String language) {
        // when
        TextNormalizer normalizer = InverseTextNormalizer.forLanguage(language);

        // then
        assertThat(normalizer.normalize("twenty three")).isEqualTo("23");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "ZH-Hans", "zh-CN", "cmn", "zho"})
    void choosesMandarinRules(String language) {
        // when
        TextNormalizer normalizer = InverseTextNormalizer.forLanguage(language);

        // then
        assertThat(normalizer.normalize("三个人")).isEqualTo("3个人");
    }

    @ParameterizedTest(name = "{0}")
    @NullAndEmptySource
    @ValueSource(strings = {"de", "fr", "yue", "  "})
    void changesNothingForOtherLanguages(String language) {
        // when
        TextNormalizer normalizer = InverseTextNormalizer.forLanguage(language);

        // then
        assertThat(normalizer.normalize("twenty three 三个人")).isEqualTo("twenty three 三个人");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | twenty three people | 23 people
            zh | 三个人              | 3个人
            """)
    void normalizesADocumentKeepingRawText(String language, String raw, String shown) {
        // given
        TranscriptDocument document = new TranscriptDocument(
                language, "m", 1, java.util.List.of(TimedSegment.of(0, 0, 1, raw, java.util.List.of())));

        // when
        TranscriptDocument normalized = document.normalizedWith(InverseTextNormalizer.forLanguage(language));

        // then
        assertThat(normalized.segments().get(0).text()).isEqualTo(shown);
        assertThat(normalized.segments().get(0).rawText()).isEqualTo(raw);
        assertThat(normalized.normalizedWith(InverseTextNormalizer.forLanguage(language)))
                .isEqualTo(normalized);
    }
}

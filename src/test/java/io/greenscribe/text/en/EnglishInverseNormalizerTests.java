package io.greenscribe.text.en;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnglishInverseNormalizerTests {

    private final EnglishInverseNormalizer normalizer = new EnglishInverseNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/text/itn-en.csv", delimiter = '|')
    void writesSpokenFormsInWrittenForm(String spoken, String written) {
        // when / then
        assertThat(normalizer.normalize(spoken)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "/text/itn-en.csv", delimiter = '|')
    void leavesEachWrittenFormAsItIs(String spoken, String written) {
        // when / then
        assertThat(normalizer.normalize(written)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Twenty three people came.                     | 23 people came.
            It costs five dollars, right?                 | It costs $5, right?
            (About fifty percent.)                        | (About 50%.)
            We met on January first, twenty twenty four.  | We met on January 1, 2024.
            Call at three p m.                            | Call at 3 p.m.
            "Forty-two," he said.                         | "42," he said.
            Eleven fifteen cats in Nineteen Ninety        | Eleven fifteen cats in 1990
            """)
    void keepsPunctuationAndCaseAroundConvertedSpans(String spoken, String written) {
        // when / then
        assertThat(normalizer.normalize(spoken)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "one of them said no",
                "No one came, and someone left.",
                "I have two cats and three dogs.",
                "First of all, wait a second.",
                "He was the third in line.",
                "a third of the cake",
                "a hundred times",
                "a million reasons",
                "You may go now.",
                "Let us march on.",
                "at this point five people left",
                "the score was ten ten",
                "one two three",
                "It is a one-on-one meeting.",
                "Is it a pound of flour?",
                "sixteen seventeen years old",
                "a tenth of a second",
            })
    void leavesLexicalUsesOfNumberWordsAlone(String prose) {
        // when / then
        assertThat(normalizer.normalize(prose)).isEqualTo(prose);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "It costs $12.50 and 50% of 1,000 people agreed.",
                "We met on January 1, 2024 at 3:30 p.m.",
                "The 21st century began in 2001.",
                "Temperatures fell to -4 degrees; 3.5 million people, €10.",
                "",
                "   ",
            })
    void leavesWrittenFormsUnchanged(String written) {
        // when / then
        assertThat(normalizer.normalize(written)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "twenty three people paid twelve dollars and fifty cents on january first twenty twenty four",
                "the fifth of may at three thirty p m, fifty percent off two point five million euros",
                "minus four degrees in nineteen ninety nine, the twenty first time, seven o'clock",
            })
    void isIdempotent(String spoken) {
        // given
        String once = normalizer.normalize(spoken);

        // when
        String twice = normalizer.normalize(once);

        // then
        assertThat(twice).isEqualTo(once).isNotEqualTo(spoken);
    }
}

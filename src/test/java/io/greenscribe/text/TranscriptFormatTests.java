package io.greenscribe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.system.GreenScribeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TranscriptFormatTests {

    @ParameterizedTest
    @CsvSource({"txt, TXT", "TXT, TXT", "Srt, SRT", "' vtt ', VTT", "WebVTT, VTT", ".json, JSON", "JSON, JSON"})
    void parsesNamesInAnyCase(String name, TranscriptFormat expected) {
        // when / then
        assertThat(TranscriptFormat.parse(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"docx", "sub", "srtx", "text"})
    void rejectsUnknownNamesListingTheValidOnes(String name) {
        // when / then
        assertThatThrownBy(() -> TranscriptFormat.parse(name))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageContaining("Unknown transcript format '" + name + "'")
                .hasMessageEndingWith("valid formats are txt, srt, vtt, json.");
    }
}

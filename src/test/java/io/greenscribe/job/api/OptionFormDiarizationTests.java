package io.greenscribe.job.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.job.JobOptions;
import io.greenscribe.system.GreenScribeException;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class OptionFormDiarizationTests {

    @Test
    void diarizeIsOffUnlessAsked() {
        assertThat(OptionForm.options(new LinkedMultiValueMap<>()).diarize()).isFalse();
    }

    @Test
    void formFieldsBecomeTheDiarizationOptions() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("diarize", "true");
        form.add("minSpeakers", "2");
        form.add("maxSpeakers", "4");

        JobOptions options = OptionForm.options(form);

        assertThat(options.diarization()).isEqualTo(new JobOptions.Diarization(null, 2, 4));
        OptionForm.rejectUnknown(form, java.util.Set.of()); // known fields: nothing thrown
    }

    @Test
    void countsWithoutDiarizeAreRefusedNotIgnored() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("speakers", "2");

        assertThatThrownBy(() -> OptionForm.options(form))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageContaining("need diarize=true");
    }

    @Test
    void aCountThatIsNoNumberIsRefusedByName() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("diarize", "true");
        form.add("speakers", "two");

        assertThatThrownBy(() -> OptionForm.options(form))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageContaining("speakers must be an integer");
    }
}

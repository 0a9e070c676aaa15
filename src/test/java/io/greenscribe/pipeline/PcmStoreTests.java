package io.greenscribe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.audio.PcmAudio;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import io.greenscribe.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcmStoreTests {

    private static final Path CLIP = SharedData.speech("en-short/audio/1272-128104-0000.wav");

    @TempDir
    Path work;

    @Test
    void windowReadsExactlyTheSamplesOfTheWholeRecording() {
        PcmStore store = new PcmStore(work, new FfmpegAudioDecoder());
        UUID job = UUID.randomUUID();
        PcmAudio whole = store.load(job, CLIP);
        int n = whole.samples().length;
        assertThat(store.window(job, CLIP, 16_000, 48_000)).containsExactly(whole.slice(16_000, 48_000));
        // clamped at both ends, like PcmAudio.slice
        assertThat(store.window(job, CLIP, n - 100, n + 5_000))
                .containsExactly(whole.slice(n - 100, n + 5_000))
                .hasSize(100);
        assertThat(store.window(job, CLIP, -10, 10)).hasSize(10);
    }

    @Test
    void missingWorkFileIsDecodedAgainBeforeReading() throws Exception {
        PcmStore store = new PcmStore(work, new FfmpegAudioDecoder());
        UUID job = UUID.randomUUID();
        float[] expected = new FfmpegAudioDecoder().decode(CLIP).slice(8_000, 24_000);
        assertThat(Files.list(work)).isEmpty();
        assertThat(store.window(job, CLIP, 8_000, 24_000)).containsExactly(expected);
        assertThat(work.resolve(job + ".f32")).isRegularFile();
    }

    @Test
    void itListsTheJobsWithWorkFilesAndDeletesOnesWorkFilesPartlyWrittenOnesIncluded() throws Exception {
        PcmStore store = new PcmStore(work, new FfmpegAudioDecoder());
        UUID decoded = UUID.randomUUID();
        UUID partial = UUID.randomUUID();
        store.load(decoded, CLIP);
        Files.write(work.resolve(partial + ".f32.part"), new byte[8]);
        Files.write(work.resolve("notes.txt"), new byte[1]);

        assertThat(store.jobs()).containsExactlyInAnyOrder(decoded, partial);

        store.delete(decoded);
        store.delete(partial);
        assertThat(store.jobs()).isEmpty();
        assertThat(work.resolve("notes.txt")).exists();
    }
}

package io.greenscribe.audio.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.audio.AudioDecodingException;
import io.greenscribe.audio.AudioDecodingException.Kind;
import io.greenscribe.audio.AudioProperties;
import io.greenscribe.audio.PcmAudio;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FfmpegAudioDecoderTests {

    /** The shared speech set sits beside the clone, in development and in CI alike. */
    static final Path SPEECH = Path.of("../shared/data/speech");

    static final Path EN_SHORT = SPEECH.resolve("en-short/audio");
    /** Tiny encodings of LJ001-0002 (public domain), see src/test/resources/audio/README.md. */
    static final Path FIXTURES = Path.of("src/test/resources/audio");

    final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

    @TempDir
    Path dir;

    @Test
    void resamplesFlacFrom22kHzTo16kHz() {
        // given LJ001-0001.flac: 212,893 samples at 22.05 kHz = 9.655 s
        Path flac = EN_SHORT.resolve("LJ001-0001.flac");

        // when
        PcmAudio audio = decoder.decode(flac);

        // then the duration is kept, so the sample count follows the 16 kHz rate
        assertThat(audio.durationSeconds()).isCloseTo(9.655, within(0.005));
        assertThat(audio.samples().length).isCloseTo((int) Math.round(212_893L * 16_000 / 22_050.0), within(32));
        assertThat(Signals.peak(audio.samples(), 0, audio.samples().length)).isBetween(0.1, 1.0);
    }

    @Test
    void upsamplesWavFrom8kHz() {
        PcmAudio audio = decoder.decode(EN_SHORT.resolve("1272-128104-0004-8k.wav"));

        assertThat(audio.durationSeconds()).isCloseTo(29.4, within(0.005));
    }

    @Test
    void decodesMp3() {
        PcmAudio audio = decoder.decode(EN_SHORT.resolve("jfk.mp3"));

        // 11.0 s once the LAME header's encoder delay and padding are trimmed (the 11.088 s in the
        // manifest is the container's estimate)
        assertThat(audio.durationSeconds()).isCloseTo(11.0, within(0.03));
    }

    @Test
    void downmixesStereo44kHzSineToMono16kHz() throws IOException {
        // given a hand-written 44.1 kHz WAV: 440 Hz at half scale on the left, silence on the right
        Path wav = Wav.sine(dir.resolve("stereo.wav"), 44_100, 2.0, 440, 0.5, 0.0);

        // when
        float[] mono = decoder.decode(wav).samples();

        // then the pitch survives the rate change and mono is the average of the channels
        assertThat(mono.length).isCloseTo(32_000, within(16));
        assertThat(Signals.frequency(mono, 1_600, 30_400, PcmAudio.SAMPLE_RATE)).isCloseTo(440, within(1.0));
        assertThat(Signals.peak(mono, 1_600, 30_400)).isCloseTo(0.25, within(0.01));
    }

    @Test
    void keepsFullScaleInPhaseStereoWithinOne() throws IOException {
        Path wav = Wav.sine(dir.resolve("loud.wav"), 48_000, 1.0, 1000, 0.99, 0.99);

        float[] mono = decoder.decode(wav).samples();

        assertThat(Signals.peak(mono, 800, 15_200)).isCloseTo(0.99, within(0.02));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LJ001-0002.m4a", "LJ001-0002.opus", "LJ001-0002.mp4", "LJ001-0002.webm", "LJ001-0002.mkv"})
    void decodesLossyEncodingsOfTheSameSpeech(String fixture) {
        // given the lossless original of the clip every fixture was encoded from
        PcmAudio original = decoder.decode(EN_SHORT.resolve("LJ001-0002.flac"));

        // when
        PcmAudio encoded = decoder.decode(FIXTURES.resolve(fixture));

        // then the audio track, not the video, was decoded: same length, same loudness contour
        assertThat(encoded.durationSeconds()).isCloseTo(original.durationSeconds(), within(0.12));
        assertThat(Signals.correlation(Signals.envelope(encoded.samples()), Signals.envelope(original.samples())))
                .isGreaterThan(0.95);
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.wav"));

        assertFails(empty, Kind.EMPTY);
    }

    @Test
    void rejectsMissingFile() {
        assertFails(dir.resolve("missing.flac"), Kind.UNREADABLE);
    }

    @Test
    void rejectsTextNamedWav() throws IOException {
        Path text = Files.writeString(
                dir.resolve("notes.wav"), "Meeting notes\n1. Carbon budget\n2. Transcription backlog\n".repeat(50));

        assertFails(text, Kind.NOT_AUDIO);
    }

    @Test
    void rejectsPng() throws IOException {
        Path png = dir.resolve("cover.mp3");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png.toFile());

        assertFails(png, Kind.NOT_AUDIO);
    }

    @Test
    void rejectsVideoWithoutAudioTrack() {
        assertFails(FIXTURES.resolve("video-only.mp4"), Kind.NOT_AUDIO);
    }

    @Test
    void rejectsTruncatedFlac() throws IOException {
        byte[] flac = Files.readAllBytes(EN_SHORT.resolve("LJ001-0001.flac"));
        Path truncated = Files.write(dir.resolve("truncated.flac"), Arrays.copyOf(flac, 2048));

        assertFails(truncated, Kind.CORRUPT);
    }

    @Test
    void callsAnInterruptedUploadDamagedRatherThanForeign() throws IOException {
        // given the first half of an mp4, whose index (moov) FFmpeg writes at the end
        byte[] mp4 = Files.readAllBytes(FIXTURES.resolve("LJ001-0002.mp4"));
        Path half = Files.write(dir.resolve("upload.mp4"), Arrays.copyOf(mp4, mp4.length / 2));

        assertThatThrownBy(() -> decoder.decode(half))
                .isInstanceOfSatisfying(
                        AudioDecodingException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT))
                .hasMessageContaining("upload.mp4")
                .hasMessageContaining("damaged or incomplete");
    }

    @Test
    void rejectsAudioLongerThanTheMaximumFromItsHeader() {
        var strict = new FfmpegAudioDecoder(new AudioProperties(Duration.ofMinutes(1), Duration.ofSeconds(5)));

        assertThatThrownBy(() -> strict.decode(EN_SHORT.resolve("LJ001-0001.flac")))
                .isInstanceOfSatisfying(
                        AudioDecodingException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LONG))
                .hasMessageContaining("5 s");
    }

    @Test
    void stopsDecodingAtTheMaximumWhenTheHeaderUnderstatesIt() {
        // given a limit under the mp3's 11 s but within the margin left for estimated durations
        var strict = new FfmpegAudioDecoder(new AudioProperties(Duration.ofMinutes(1), Duration.ofMillis(10_500)));

        assertThatThrownBy(() -> strict.decode(EN_SHORT.resolve("jfk.mp3")))
                .isInstanceOfSatisfying(
                        AudioDecodingException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LONG));
    }

    @Test
    void givesUpAtTheDeadline() {
        var hasty = new FfmpegAudioDecoder(new AudioProperties(Duration.ZERO, Duration.ofHours(1)));

        assertThatThrownBy(() -> hasty.decode(EN_SHORT.resolve("LJ001-0001.flac")))
                .isInstanceOfSatisfying(
                        AudioDecodingException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
                .hasMessageContaining("LJ001-0001.flac");
    }

    @Test
    void stopsWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> decoder.decode(EN_SHORT.resolve("LJ001-0001.flac")))
                    .isInstanceOfSatisfying(AudioDecodingException.class, e -> assertThat(e.kind())
                            .isEqualTo(Kind.INTERRUPTED));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void decodesConcurrently() throws Exception {
        // given
        List<Path> files = List.of(
                EN_SHORT.resolve("jfk.mp3"),
                EN_SHORT.resolve("LJ001-0001.flac"),
                FIXTURES.resolve("LJ001-0002.webm"),
                EN_SHORT.resolve("1272-128104-0004-8k.wav"));
        List<Integer> expected =
                files.stream().map(f -> decoder.decode(f).samples().length).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // when
            List<Callable<Integer>> tasks = files.stream()
                    .<Callable<Integer>>map(f -> () -> decoder.decode(f).samples().length)
                    .toList();
            List<Integer> lengths = pool.invokeAll(tasks).stream()
                    .map(FfmpegAudioDecoderTests::get)
                    .toList();

            // then
            assertThat(lengths).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertFails(Path file, Kind kind) {
        assertThatThrownBy(() -> decoder.decode(file))
                .isInstanceOfSatisfying(
                        AudioDecodingException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(file.getFileName().toString());
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

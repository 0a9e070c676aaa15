package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real speech from the shared set beside the clone, and its ground truth where known. */
public final class SpeechData {

    public static final Path SPEECH = Path.of("../shared/data/speech");
    public static final Path LONG_FORM = SPEECH.resolve("long-form");

    private static final FfmpegAudioDecoder DECODER = new FfmpegAudioDecoder();

    private SpeechData() {}

    public static PcmAudio decode(String relativeToSpeech) {
        return DECODER.decode(SPEECH.resolve(relativeToSpeech));
    }

    /** Ground-truth speech regions of a long-form file, from {@code speech_segments.tsv}. */
    public static List<SpeechSegment> truth(String audioFile) {
        try (var lines = Files.lines(LONG_FORM.resolve("speech_segments.tsv"))) {
            return lines.skip(1)
                    .map(line -> line.split("\t"))
                    .filter(columns -> columns[0].equals("audio/" + audioFile))
                    .map(columns -> new SpeechSegment(samples(columns[1]), samples(columns[2])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code before} seconds of digital zero, the audio, then {@code after} seconds of zero. */
    public static PcmAudio padWithSilence(PcmAudio audio, double before, double after) {
        int lead = (int) (before * PcmAudio.SAMPLE_RATE);
        float[] padded = new float[lead + audio.samples().length + (int) (after * PcmAudio.SAMPLE_RATE)];
        System.arraycopy(audio.samples(), 0, padded, lead, audio.samples().length);
        return new PcmAudio(padded);
    }

    private static int samples(String seconds) {
        return (int) Math.round(Double.parseDouble(seconds) * PcmAudio.SAMPLE_RATE);
    }
}

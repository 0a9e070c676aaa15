package io.greenscribe.transcription;

import io.greenscribe.asr.AudioWindow;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.Segment;
import io.greenscribe.asr.SpeechRecognizer;
import io.greenscribe.asr.WindowTranscript;
import io.greenscribe.audio.AudioDecoder;
import io.greenscribe.audio.PcmAudio;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.text.InverseTextNormalizer;
import io.greenscribe.text.TextNormalizer;
import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TimedWord;
import io.greenscribe.text.TranscriptDocument;
import io.greenscribe.vad.SpeechPlan;
import io.greenscribe.vad.SpeechWindow;
import io.greenscribe.vad.SpeechWindowPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;

/**
 * Transcribes one file in-process: decode → speech windows → batched recognition → ordered,
 * optionally normalized segments. The command line uses it directly; the batch pipeline runs the
 * same steps one by one so that each can be restarted.
 */
@RequiredArgsConstructor
public final class FileTranscriber {

    private final AudioDecoder decoder;
    private final SpeechWindowPlanner planner;

    /** Transcribes one file; decoding and recognition errors propagate as they are. */
    public TranscriptionResult transcribe(
            Path file, SpeechRecognizer recognizer, RecognitionOptions options, boolean itn) {
        FileOutcome outcome =
                transcribeAll(List.of(file), recognizer, options, itn, 1).get(0);
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.result();
    }

    /**
     * Transcribes many files, pooling the windows of up to {@code filesPerPool} files into shared
     * recognizer batches: short files have one window each, and batching across files is what keeps
     * the engine's batches full. Recognition time is attributed to files by their share of windows.
     * A file that fails to decode is reported as failed; the others go on.
     */
    public List<FileOutcome> transcribeAll(
            List<Path> files, SpeechRecognizer recognizer, RecognitionOptions options, boolean itn, int filesPerPool) {
        List<FileOutcome> outcomes = new ArrayList<>(files.size());
        for (int from = 0; from < files.size(); from += filesPerPool) {
            outcomes.addAll(transcribePool(
                    files.subList(from, Math.min(files.size(), from + filesPerPool)), recognizer, options, itn));
        }
        return outcomes;
    }

    private List<FileOutcome> transcribePool(
            List<Path> files, SpeechRecognizer recognizer, RecognitionOptions options, boolean itn) {
        List<Prepared> prepared = new ArrayList<>();
        List<FileOutcome> outcomes = new ArrayList<>();
        List<AudioWindow> pooled = new ArrayList<>();
        for (Path file : files) {
            try {
                long t0 = System.nanoTime();
                PcmAudio audio = decoder.decode(file);
                long t1 = System.nanoTime();
                SpeechPlan plan = planner.plan(audio);
                long t2 = System.nanoTime();
                List<AudioWindow> windows = windowsOf(audio, plan);
                prepared.add(new Prepared(
                        file,
                        audio.durationSeconds(),
                        plan,
                        pooled.size(),
                        windows.size(),
                        seconds(t1 - t0),
                        seconds(t2 - t1),
                        audio.shortfallWarning().orElse(null),
                        null));
                pooled.addAll(windows);
            } catch (GreenScribeException e) {
                prepared.add(new Prepared(file, e));
            }
        }
        long t3 = System.nanoTime();
        List<WindowTranscript> recognized = pooled.isEmpty() ? List.of() : recognizer.recognize(pooled, options);
        double recognizeSeconds = seconds(System.nanoTime() - t3);
        for (Prepared p : prepared) {
            if (p.error != null) {
                outcomes.add(new FileOutcome(p.file, null, p.error));
                continue;
            }
            TranscriptDocument document = document(
                    recognized.subList(p.firstWindow, p.firstWindow + p.windowCount).stream()
                            .map(WindowText::of)
                            .toList(),
                    recognizer.modelName(),
                    p.audioSeconds,
                    options);
            if (itn) {
                document = document.normalizedWith(normalizerFor(document.language()));
            }
            double share = pooled.isEmpty() ? 0 : recognizeSeconds * p.windowCount / pooled.size();
            outcomes.add(new FileOutcome(
                    p.file,
                    new TranscriptionResult(
                            document,
                            p.audioSeconds,
                            p.plan.coveredSamples() / (double) PcmAudio.SAMPLE_RATE,
                            p.plan.skippedFraction(),
                            p.windowCount,
                            p.decodeSeconds,
                            p.vadSeconds,
                            share,
                            spans(p.plan),
                            p.warning),
                    null));
        }
        return outcomes;
    }

    /** A file ready for recognition (or the reason it is not). */
    private record Prepared(
            Path file,
            double audioSeconds,
            SpeechPlan plan,
            int firstWindow,
            int windowCount,
            double decodeSeconds,
            double vadSeconds,
            String warning,
            GreenScribeException error) {

        Prepared(Path file, GreenScribeException error) {
            this(file, 0, null, 0, 0, 0, 0, null, error);
        }
    }

    /** What the recognizer read, in seconds of the file: each window's pieces. */
    private static List<double[]> spans(SpeechPlan plan) {
        return plan.windows().stream()
                .flatMap(w -> w.pieces().stream())
                .map(p -> new double[] {
                    p.startSample() / (double) PcmAudio.SAMPLE_RATE, p.endSample() / (double) PcmAudio.SAMPLE_RATE
                })
                .toList();
    }

    /** The audio of each planned window, its pieces joined, with where each piece sits in the file. */
    public static List<AudioWindow> windowsOf(PcmAudio audio, SpeechPlan plan) {
        List<AudioWindow> windows = new ArrayList<>(plan.windows().size());
        for (SpeechWindow w : plan.windows()) {
            List<float[]> parts = new ArrayList<>(w.pieces().size());
            for (SpeechWindow.Piece p : w.pieces()) {
                parts.add(audio.slice(p.startSample(), p.endSample()));
            }
            windows.add(joined(w, parts));
        }
        return windows;
    }

    /** One window's pieces, read from wherever the caller keeps the audio, as one recognizer input. */
    public static AudioWindow joined(SpeechWindow window, List<float[]> pieceSamples) {
        int total = pieceSamples.stream().mapToInt(p -> p.length).sum();
        float[] samples = new float[total];
        double[] starts = new double[pieceSamples.size()];
        int[] lengths = new int[pieceSamples.size()];
        int at = 0;
        for (int i = 0; i < pieceSamples.size(); i++) {
            float[] part = pieceSamples.get(i);
            System.arraycopy(part, 0, samples, at, part.length);
            starts[i] = window.pieces().get(i).startSample() / (double) PcmAudio.SAMPLE_RATE;
            lengths[i] = part.length;
            at += part.length;
        }
        return new AudioWindow(window.index(), samples, window.startSeconds(), starts, lengths);
    }

    /** Segments of all windows in time order, with the language most windows were decoded in. */
    public static TranscriptDocument document(
            List<WindowText> recognized, String model, double durationSeconds, RecognitionOptions options) {
        return document(recognized, model, durationSeconds, options, false);
    }

    /**
     * As {@link #document(List, String, double, RecognitionOptions)}; with {@code segmentLanguages}
     * each segment also carries the language its window was decoded in.
     */
    public static TranscriptDocument document(
            List<WindowText> recognized,
            String model,
            double durationSeconds,
            RecognitionOptions options,
            boolean segmentLanguages) {
        record Spoken(Segment segment, String language) {}
        List<Spoken> segments = new ArrayList<>();
        Map<String, Double> languageVotes = new HashMap<>();
        for (WindowText t : recognized) {
            for (Segment s : t.segments()) {
                segments.add(new Spoken(s, t.language()));
            }
            if (!t.noSpeech()) {
                languageVotes.merge(t.language(), (double) t.segments().size(), Double::sum);
            }
        }
        segments.sort(Comparator.comparingDouble(sp -> sp.segment().start()));
        List<TimedSegment> timed = new ArrayList<>(segments.size());
        for (Spoken sp : segments) {
            Segment s = sp.segment();
            List<TimedWord> words = s.words().stream()
                    .map(w -> new TimedWord(w.start(), w.end(), w.word().strip(), w.probability()))
                    .toList();
            TimedSegment segment =
                    TimedSegment.of(timed.size(), s.start(), s.end(), s.text().strip(), words);
            timed.add(segmentLanguages ? segment.withLanguage(sp.language()) : segment);
        }
        String language = languageVotes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(options.language() != null ? options.language() : "und");
        return new TranscriptDocument(language, model, durationSeconds, timed);
    }

    private static TextNormalizer normalizerFor(String language) {
        return InverseTextNormalizer.forLanguage(language);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

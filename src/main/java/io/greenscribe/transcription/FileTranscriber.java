package io.greenscribe.transcription;

import io.greenscribe.asr.AudioWindow;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.Segment;
import io.greenscribe.asr.SpeechRecognizer;
import io.greenscribe.asr.WindowTranscript;
import io.greenscribe.audio.AudioDecoder;
import io.greenscribe.audio.PcmAudio;
import io.greenscribe.text.InverseTextNormalizer;
import io.greenscribe.text.TextNormalizer;
import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TranscriptDocument;
import io.greenscribe.vad.SpeechPlan;
import io.greenscribe.vad.SpeechWindow;
import io.greenscribe.vad.VoiceActivityDetector;
import io.greenscribe.vad.WindowPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Transcribes one file in-process: decode → speech windows → batched recognition → ordered,
 * optionally normalized segments. The command line uses it directly; the batch pipeline runs the
 * same steps one by one so that each can be restarted.
 */
public final class FileTranscriber {

    private final AudioDecoder decoder;
    private final VoiceActivityDetector vad;
    private final WindowPlanner planner;

    public FileTranscriber(AudioDecoder decoder, VoiceActivityDetector vad, WindowPlanner planner) {
        this.decoder = decoder;
        this.vad = vad;
        this.planner = planner;
    }

    public TranscriptionResult transcribe(Path file, SpeechRecognizer recognizer, RecognitionOptions options, boolean itn) {
        long t0 = System.nanoTime();
        PcmAudio audio = decoder.decode(file);
        long t1 = System.nanoTime();
        SpeechPlan plan = planner.plan(vad.detect(audio), audio.samples().length);
        long t2 = System.nanoTime();
        List<AudioWindow> windows = windowsOf(audio, plan);
        List<WindowTranscript> recognized = recognizer.recognize(windows, options);
        long t3 = System.nanoTime();
        TranscriptDocument document = document(recognized, recognizer.modelName(), audio.durationSeconds(), options);
        if (itn) {
            document = document.normalizedWith(normalizerFor(document.language()));
        }
        return new TranscriptionResult(document, audio.durationSeconds(), plan.coveredSamples() / (double) PcmAudio.SAMPLE_RATE,
                plan.skippedFraction(), windows.size(), seconds(t1 - t0), seconds(t2 - t1), seconds(t3 - t2));
    }

    /** The audio of each planned window, offset to where it sits in the file. */
    public static List<AudioWindow> windowsOf(PcmAudio audio, SpeechPlan plan) {
        List<AudioWindow> windows = new ArrayList<>(plan.windows().size());
        for (SpeechWindow w : plan.windows()) {
            windows.add(new AudioWindow(w.index(), audio.slice(w.startSample(), w.endSample()), w.startSeconds()));
        }
        return windows;
    }

    /** Segments of all windows in time order, with the language most windows were decoded in. */
    public static TranscriptDocument document(
            List<WindowTranscript> recognized, String model, double durationSeconds, RecognitionOptions options) {
        List<Segment> segments = new ArrayList<>();
        Map<String, Double> languageVotes = new HashMap<>();
        for (WindowTranscript t : recognized) {
            segments.addAll(t.segments());
            if (!t.noSpeech()) {
                languageVotes.merge(t.language(), (double) t.segments().size(), Double::sum);
            }
        }
        segments.sort(Comparator.comparingDouble(Segment::start));
        List<TimedSegment> timed = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            timed.add(TimedSegment.of(timed.size(), s.start(), s.end(), s.text().strip(), List.of()));
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

package io.greenscribe.cli;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenscribe.asr.Devices;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.whisper.DjlWhisperRecognizer;
import io.greenscribe.asr.whisper.WhisperRecognizers;
import io.greenscribe.audio.PcmAudio;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import io.greenscribe.diarization.Diarizer;
import io.greenscribe.diarization.SpeakerAlignment;
import io.greenscribe.diarization.SpeakerLimits;
import io.greenscribe.diarization.SpeakerTurn;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.text.InverseTextNormalizer;
import io.greenscribe.text.TranscriptDocument;
import io.greenscribe.text.TranscriptFormat;
import io.greenscribe.text.TranscriptWriter;
import io.greenscribe.transcription.FileOutcome;
import io.greenscribe.transcription.FileTranscriber;
import io.greenscribe.transcription.TranscriptionResult;
import io.greenscribe.vad.SpeechWindowPlanner;
import io.greenscribe.vad.SpeechWindowPlanners;
import io.greenscribe.vad.VadOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code greenscribe transcribe [options] FILE...}: transcribes files to stdout in txt, srt, vtt,
 * json, or jsonl (one JSON object per file with timings, for benchmarks). Runs without a server
 * or database.
 */
public final class TranscribeCommand {

    private static final Set<String> OPTIONS = Set.of(
            "model",
            "models-dir",
            "device",
            "threads",
            "batch-size",
            "vad",
            "language",
            "prompt",
            "hotwords",
            "itn",
            "format",
            "temperatures",
            "speakers",
            "min-speakers",
            "max-speakers");

    private static final String USAGE = """
            usage: greenscribe transcribe [options] FILE...
              --model NAME         model directory under --models-dir (default whisper-tiny.en)
              --models-dir DIR     where models live (default models)
              --device D           auto | cpu | cuda:N | mps (default cpu)
              --threads N          CPU threads for the engine (default: all cores)
              --batch-size N       windows per batch (default 8; halved on out-of-memory)
              --vad V              silero | energy | none (default silero); none reads all the
                                   audio, cut at its quietest moments near 30 s
              --language CODE      fix the language instead of detecting it
              --prompt TEXT        initial prompt;  --hotwords a,b,c  terms to recognise
              --itn on|off         inverse text normalization (default on)
              --format F           txt | srt | vtt | json | jsonl (default txt)
              --temperatures LIST  decoding temperature ladder, e.g. 0 (greedy only) or
                                   0,0.2,0.4,0.6,0.8,1 (the default: retried hotter on failure)
              --no-timestamps      one segment per window
              --word-timestamps    time every word (json and jsonl carry them)
              --diarize            label speakers (turns, and each word; implies --word-timestamps);
                                   --speakers N fixes the count, else it is estimated within
                                   --min-speakers N (default 1) .. --max-speakers N (default 8)
              --energy             meter the whole command with the server's default meter and print
                                   one line "energy: {json}" to stderr (docs/energy-accounting.md)
            """;

    /** Files whose windows share recognizer batches; bounds the decoded audio held at once. */
    private static final int FILES_PER_POOL = 16;

    private TranscribeCommand() {}

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CliArguments cli = CliArguments.parse(args, OPTIONS);
            if (cli.flag("help") || cli.files().isEmpty()) {
                err.print(USAGE);
                return cli.flag("help") ? 0 : 2;
            }
            configureEngine(cli.integer("threads", Runtime.getRuntime().availableProcessors()));
            if (!cli.flag("energy")) {
                return transcribeAll(cli, out, err);
            }
            try (CommandEnergy energy = CommandEnergy.start()) {
                int code = transcribeAll(cli, out, err);
                err.println("energy: " + energy.stopAsJson());
                return code;
            }
        } catch (GreenScribeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** DJL reads its thread counts once, when the engine starts, so they are set before anything loads. */
    private static void configureEngine(int threads) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static int transcribeAll(CliArguments cli, PrintStream out, PrintStream err) {
        String format = cli.get("format", "txt");
        TranscriptFormat writerFormat = format.equalsIgnoreCase("jsonl") ? null : TranscriptFormat.parse(format);
        RecognitionOptions options = options(cli);
        boolean itn = !cli.get("itn", "on").equalsIgnoreCase("off");
        Device device = Devices.resolve(cli.get("device", "cpu"));
        Path models = Path.of(cli.get("models-dir", "models"));
        int failures = 0;
        long load = System.nanoTime();
        boolean diarize = cli.flag("diarize");
        SpeakerLimits limits = diarize ? limits(cli) : null;
        try (DjlWhisperRecognizer recognizer = WhisperRecognizers.open(
                        cli.get("model", "whisper-tiny.en"), models, device, cli.integer("batch-size", 8));
                SpeechWindowPlanner planner = SpeechWindowPlanners.open(
                        cli.get("vad", SpeechWindowPlanners.DEFAULT), models, VadOptions.defaults());
                Diarizer diarizer = diarize ? Diarizer.open(models) : null) {
            double loadSeconds = (System.nanoTime() - load) / 1e9;
            FileTranscriber transcriber = new FileTranscriber(new FfmpegAudioDecoder(), planner);
            for (FileOutcome outcome :
                    transcriber.transcribeAll(cli.files(), recognizer, options, itn, FILES_PER_POOL)) {
                if (outcome.error() != null) {
                    failures++;
                    err.println(
                            "error: " + outcome.file() + ": " + outcome.error().getMessage());
                    continue;
                }
                TranscriptionResult result = outcome.result();
                if (result.warning() != null) {
                    err.println("warning: " + outcome.file() + ": " + result.warning());
                }
                Diarized diarized = diarizer == null ? null : diarize(diarizer, outcome.file(), result, limits, itn);
                TranscriptDocument document = diarized == null ? result.document() : diarized.document();
                out.println(
                        writerFormat == null
                                ? jsonLine(outcome.file(), result, document, diarized, loadSeconds, device)
                                : new TranscriptWriter().write(document, writerFormat));
            }
        } catch (Exception e) {
            if (e instanceof GreenScribeException g) {
                throw g;
            }
            throw new GreenScribeException(e.getMessage(), e);
        }
        return failures == 0 ? 0 : 1;
    }

    private record Diarized(TranscriptDocument document, List<SpeakerTurn> turns, double seconds) {}

    /**
     * Diarization over the spans the recognizer read, timed on its own: the audio is decoded again
     * (a small cost next to recognition, left out of the time) rather than kept for every file.
     */
    private static Diarized diarize(
            Diarizer diarizer, Path file, TranscriptionResult result, SpeakerLimits limits, boolean itn) {
        PcmAudio pcm = new FfmpegAudioDecoder().decode(file);
        List<Diarizer.Speech> speech = new ArrayList<>();
        for (double[] span : result.decodedSpans()) {
            speech.add(new Diarizer.Speech((int) Math.round(span[0] * PcmAudio.SAMPLE_RATE), (int)
                    Math.round(span[1] * PcmAudio.SAMPLE_RATE)));
        }
        long start = System.nanoTime();
        List<SpeakerTurn> turns = diarizer.diarize(pcm.samples(), speech, limits);
        double seconds = (System.nanoTime() - start) / 1e9;
        TranscriptDocument document = SpeakerAlignment.apply(result.document(), turns);
        if (itn) {
            // segments split between speakers get their shown text from their raw text again
            document = document.normalizedWith(InverseTextNormalizer.forLanguage(document.language()));
        }
        return new Diarized(document, turns, seconds);
    }

    private static SpeakerLimits limits(CliArguments cli) {
        try {
            return SpeakerLimits.of(
                    cli.options().containsKey("speakers") ? cli.integer("speakers", 0) : null,
                    cli.options().containsKey("min-speakers") ? cli.integer("min-speakers", 0) : null,
                    cli.options().containsKey("max-speakers") ? cli.integer("max-speakers", 0) : null);
        } catch (IllegalArgumentException e) {
            throw new GreenScribeException(e.getMessage(), e);
        }
    }

    private static RecognitionOptions options(CliArguments cli) {
        RecognitionOptions defaults = RecognitionOptions.defaults();
        List<Double> temperatures =
                cli.list("temperatures").stream().map(Double::parseDouble).toList();
        return defaults.withLanguage(cli.get("language", null))
                .withPrompt(cli.get("prompt", null), cli.list("hotwords"))
                .withTimestamps(!cli.flag("no-timestamps"))
                .withTemperatures(temperatures.isEmpty() ? defaults.temperatures() : temperatures)
                .withWordTimestamps(cli.flag("word-timestamps") || cli.flag("diarize"));
    }

    private static String jsonLine(
            Path file,
            TranscriptionResult r,
            TranscriptDocument document,
            Diarized diarized,
            double loadSeconds,
            Device device) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("file", file.toString());
        node.put("language", document.language());
        node.put("model", document.model());
        node.put("device", device.toString());
        node.put("text", document.fullText());
        node.put("raw_text", document.rawFullText());
        node.put("audio_seconds", r.audioSeconds());
        node.put("speech_seconds", r.speechSeconds());
        node.put("vad_skipped_fraction", r.skippedFraction());
        node.put("windows", r.windows());
        node.put("decode_seconds", r.decodeSeconds());
        node.put("vad_seconds", r.vadSeconds());
        node.put("recognize_seconds", r.recognizeSeconds());
        node.put("wall_seconds", r.wallSeconds());
        node.put("model_load_seconds", loadSeconds);
        var spans = node.putArray("decoded_spans");
        for (double[] span : r.decodedSpans()) {
            spans.addArray().add(span[0]).add(span[1]);
        }
        if (diarized != null) {
            node.put("diarize_seconds", diarized.seconds());
            var turns = node.putArray("speaker_turns");
            for (SpeakerTurn t : diarized.turns()) {
                turns.addObject().put("start", t.start()).put("end", t.end()).put("speaker", t.speaker());
            }
            var segments = node.putArray("segments");
            for (var s : document.segments()) {
                var segment = segments.addObject()
                        .put("start", s.start())
                        .put("end", s.end())
                        .put("text", s.text());
                if (s.speaker() != null) {
                    segment.put("speaker", s.speaker());
                }
            }
        }
        if (r.warning() != null) {
            node.put("warning", r.warning());
        }
        return node.toString();
    }
}

package io.greenscribe.pipeline;

import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.diarization.SpeakerAlignment;
import io.greenscribe.text.InverseTextNormalizer;
import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TranscriptDocument;
import io.greenscribe.transcription.FileTranscriber;
import io.greenscribe.transcription.WindowText;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 5: windows' segments in time order, the majority language, speakers (when diarized), ITN,
 * and the transcript rows.
 */
@RequiredArgsConstructor
class AssembleStep extends PipelineStep {

    private final JobWindows windows;
    private final Transcripts transcripts;
    private final PcmStore pcm;
    private final RunProgressStore progress;
    private final JsonMapper json;

    @Override
    void run(PipelineRequest request, ExecutionContext job) {
        progress.stage(request.jobId(), RunStage.ASSEMBLY);
        double duration = job.getDouble("audioSeconds", 0.0);
        TranscriptDocument document = document(windows.results(request.jobId()), request, duration);
        if (request.diarize()) {
            // before ITN: a segment split between speakers gets its shown text from its own words
            document = SpeakerAlignment.apply(document, DiarizeStep.turns(job, json));
        }
        if (request.itn()) {
            document = normalized(document);
        }
        transcripts.save(request.jobId(), request.tenantId(), document);
        job.putString("language", document.language());
        pcm.delete(request.jobId());
    }

    /**
     * The windows' segments in time order with the majority language (as the command line builds
     * it), each end clamped to the audio so no timestamp points past it.
     */
    static TranscriptDocument document(List<RecognizedWindow> recognized, PipelineRequest request, double duration) {
        List<WindowText> windows = recognized.stream()
                .map(w -> new WindowText(w.language(), w.segments(), w.noSpeech()))
                .toList();
        RecognitionOptions options = RecognitionOptions.defaults().withLanguage(request.language());
        boolean perWindow = request.decoding().languagePerWindow();
        boolean translated = request.decoding().translate();
        TranscriptDocument document =
                FileTranscriber.document(windows, request.model(), duration, options, perWindow && !translated);
        List<TimedSegment> timed = new ArrayList<>();
        for (TimedSegment s : document.segments()) {
            if (!s.rawText().isBlank()) {
                timed.add(new TimedSegment(
                        timed.size(),
                        Math.min(s.start(), duration),
                        Math.min(s.end(), duration),
                        s.rawText(),
                        s.rawText(),
                        s.words(),
                        s.language(),
                        s.speaker()));
            }
        }
        // a translation is written in English whatever was spoken: its text is joined, normalized
        // and labelled as English
        return new TranscriptDocument(translated ? "en" : document.language(), document.model(), duration, timed);
    }

    /** Inverse text normalization in each segment's own language where it has one. */
    private static TranscriptDocument normalized(TranscriptDocument document) {
        TranscriptDocument whole = document.normalizedWith(InverseTextNormalizer.forLanguage(document.language()));
        List<TimedSegment> segments = new ArrayList<>(whole.segments().size());
        for (TimedSegment s : whole.segments()) {
            segments.add(
                    s.language() == null || s.language().equals(document.language())
                            ? s
                            : s.normalizedWith(InverseTextNormalizer.forLanguage(s.language())));
        }
        return new TranscriptDocument(whole.language(), whole.model(), whole.durationSeconds(), segments);
    }
}

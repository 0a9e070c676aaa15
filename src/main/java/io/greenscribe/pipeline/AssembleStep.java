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
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 5: windows' segments in time order, the majority language, speakers (when diarized), ITN,
 * and the transcript rows.
 */
class AssembleStep extends PipelineStep {

    private final JobWindows windows;
    private final Transcripts transcripts;
    private final PcmStore pcm;
    private final JsonMapper json;

    AssembleStep(JobWindows windows, Transcripts transcripts, PcmStore pcm, JsonMapper json) {
        this.windows = windows;
        this.transcripts = transcripts;
        this.pcm = pcm;
        this.json = json;
    }

    @Override
    void run(PipelineRequest request, ExecutionContext job) {
        double duration = job.getDouble("audioSeconds", 0.0);
        TranscriptDocument document = document(windows.results(request.jobId()), request, duration);
        if (request.diarize()) {
            // before ITN: a segment split between speakers gets its shown text from its own words
            document = SpeakerAlignment.apply(document, DiarizeStep.turns(job, json));
        }
        if (request.itn()) {
            document = document.normalizedWith(InverseTextNormalizer.forLanguage(document.language()));
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
        TranscriptDocument document = FileTranscriber.document(windows, request.model(), duration, options);
        List<TimedSegment> timed = new ArrayList<>();
        for (TimedSegment s : document.segments()) {
            if (!s.rawText().isBlank()) {
                timed.add(TimedSegment.of(
                        timed.size(),
                        Math.min(s.start(), duration),
                        Math.min(s.end(), duration),
                        s.rawText(),
                        s.words()));
            }
        }
        return new TranscriptDocument(document.language(), document.model(), duration, timed);
    }
}

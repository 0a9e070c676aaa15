package io.greenscribe.pipeline;

import io.greenscribe.asr.AudioWindow;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.SpeechModels;
import io.greenscribe.asr.WindowTranscript;
import io.greenscribe.transcription.FileTranscriber;
import io.greenscribe.vad.SpeechWindow;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Recognizes a chunk of windows in one batch, holding no database connection meanwhile, then
 * commits each result in a short transaction of its own, so it survives anything that happens after.
 */
@RequiredArgsConstructor
class RecognizeWindowsWriter implements ItemWriter<WindowSpan> {

    private final SpeechModels models;
    private final PcmStore pcmStore;
    private final JobWindows windows;
    private final PipelineRequest request;

    @Override
    public void write(Chunk<? extends WindowSpan> chunk) {
        List<AudioWindow> batch = new ArrayList<>();
        for (WindowSpan w : chunk) {
            List<float[]> pieces = new ArrayList<>(w.pieces().size());
            for (SpeechWindow.Piece p : w.pieces()) {
                pieces.add(pcmStore.window(request.jobId(), request.audio(), p.startSample(), p.endSample()));
            }
            batch.add(FileTranscriber.joined(w.window(), pieces));
        }
        windows.started(
                request.jobId(),
                chunk.getItems().stream().map(WindowSpan::index).toList());
        RecognitionOptions options = options(request);
        if (request.diarize()) {
            options = options.withWordTimestamps(true); // speakers are put on words, so words need times
        }
        for (WindowTranscript result : models.recognizer(request.model()).recognize(batch, options)) {
            windows.complete(request.jobId(), result, request.workerId());
        }
    }

    /** Whisper's defaults with what the job asked: language, task, prompt, hotwords, word timings. */
    static RecognitionOptions options(PipelineRequest request) {
        PipelineRequest.Decoding decoding = request.decoding();
        return RecognitionOptions.defaults()
                .withLanguage(request.language())
                .withTranslate(decoding.translate())
                .withPrompt(decoding.prompt(), request.hotwords())
                .withWordTimestamps(decoding.wordTimestamps());
    }
}

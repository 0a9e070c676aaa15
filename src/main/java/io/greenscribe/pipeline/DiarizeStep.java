package io.greenscribe.pipeline;

import io.greenscribe.diarization.Diarizer;
import io.greenscribe.diarization.SpeakerTurn;
import io.greenscribe.vad.SpeechWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 4 of a diarized job (a no-op otherwise): speaker turns over the speech the recognizer read,
 * left in the job's execution context for {@link AssembleStep}. Spring Batch keeps that context with
 * the step's completion, so a job resumed after this step does not diarize again, and one stopped
 * inside it diarizes from the start (the step is one pass over the audio, minutes at most per hour).
 * It runs inside the worker's metered run, so its energy is the job's.
 */
@RequiredArgsConstructor
class DiarizeStep extends PipelineStep {

    static final String TURNS = "speakerTurns";
    private static final TypeReference<List<SpeakerTurn>> TURN_LIST = new TypeReference<>() {};

    private final PcmStore pcm;
    private final JobWindows windows;
    private final Diarizers diarizers;
    private final JsonMapper json;
    private final RunProgressStore progress;

    @Override
    void run(PipelineRequest request, ExecutionContext job) {
        if (!request.diarize()) {
            return;
        }
        progress.stage(request.jobId(), RunStage.DIARIZATION);
        List<SpeechWindow.Piece> pieces = new ArrayList<>();
        for (WindowSpan w : windows.all(request.jobId())) {
            pieces.addAll(w.pieces());
        }
        pieces.sort(Comparator.comparingInt(SpeechWindow.Piece::startSample));
        List<Diarizer.Speech> speech = pieces.stream()
                .map(p -> new Diarizer.Speech(p.startSample(), p.endSample()))
                .toList();
        float[] samples = pcm.load(request.jobId(), request.audio()).samples();
        List<SpeakerTurn> turns = diarizers.get().diarize(samples, speech, request.speakers());
        job.putString(TURNS, json.writeValueAsString(turns));
    }

    /** The turns the step left, or none (not diarized). */
    static List<SpeakerTurn> turns(ExecutionContext job, JsonMapper json) {
        String stored = job.containsKey(TURNS) ? job.getString(TURNS) : null;
        return stored == null ? List.of() : json.readValue(stored, TURN_LIST);
    }
}

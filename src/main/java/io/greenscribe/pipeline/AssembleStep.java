package io.greenscribe.pipeline;

import io.greenscribe.asr.Segment;
import io.greenscribe.text.InverseTextNormalizer;
import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TranscriptDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 4: windows' segments in time order, the majority language, ITN, and the transcript rows. */
class AssembleStep implements Tasklet {

    private final JobWindows windows;
    private final Transcripts transcripts;
    private final PcmStore pcm;

    AssembleStep(JobWindows windows, Transcripts transcripts, PcmStore pcm) {
        this.windows = windows;
        this.transcripts = transcripts;
        this.pcm = pcm;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        PipelineRequest request = JobParams.request(chunk.getStepContext().getStepExecution().getJobParameters());
        ExecutionContext job = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        double duration = job.getDouble("audioSeconds", 0.0);
        TranscriptDocument document = document(windows.results(request.jobId()), request, duration);
        if (request.itn()) {
            document = document.normalizedWith(InverseTextNormalizer.forLanguage(document.language()));
        }
        transcripts.save(request.jobId(), request.tenantId(), document);
        job.putString("language", document.language());
        pcm.delete(request.jobId());
        return RepeatStatus.FINISHED;
    }

    static TranscriptDocument document(List<RecognizedWindow> recognized, PipelineRequest request, double duration) {
        List<Segment> segments = new ArrayList<>();
        Map<String, Integer> votes = new HashMap<>();
        for (RecognizedWindow w : recognized) {
            segments.addAll(w.segments());
            if (!w.noSpeech() && w.language() != null) {
                votes.merge(w.language(), w.segments().size(), Integer::sum);
            }
        }
        segments.sort(Comparator.comparingDouble(Segment::start));
        List<TimedSegment> timed = new ArrayList<>();
        for (Segment s : segments) {
            String text = s.text().strip();
            if (!text.isEmpty()) {
                timed.add(TimedSegment.of(timed.size(), s.start(), Math.min(s.end(), duration), text, List.of()));
            }
        }
        String language = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(request.language() != null ? request.language() : "und");
        return new TranscriptDocument(language, request.model(), duration, timed);
    }
}

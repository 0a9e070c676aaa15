package io.greenscribe.pipeline;

import io.greenscribe.audio.PcmAudio;
import lombok.RequiredArgsConstructor;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Step 1: decode the upload to 16 kHz mono PCM and keep it for the next steps. */
@RequiredArgsConstructor
class PrepareAudioStep extends PipelineStep {

    private final PcmStore pcm;
    private final RunProgressStore progress;

    @Override
    void run(PipelineRequest request, ExecutionContext job) {
        PcmAudio audio = pcm.load(request.jobId(), request.audio());
        job.putDouble("audioSeconds", audio.durationSeconds());
        progress.decoded(request.jobId(), audio.durationSeconds());
        // only a fresh decode knows the declared length; a restart reads the stored samples and
        // keeps the warning this step stored the first time
        audio.shortfallWarning().ifPresent(w -> job.putString("audioWarning", w));
    }
}

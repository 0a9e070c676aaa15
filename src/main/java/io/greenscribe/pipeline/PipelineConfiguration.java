package io.greenscribe.pipeline;

import io.greenscribe.asr.Devices;
import io.greenscribe.asr.SpeechModels;
import io.greenscribe.audio.AudioDecoder;
import io.greenscribe.audio.AudioProperties;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import io.greenscribe.vad.SpeechWindowPlanner;
import io.greenscribe.vad.SpeechWindowPlanners;
import io.greenscribe.vad.VadOptions;
import java.time.Clock;
import java.util.UUID;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** The "transcribe" job, its steps, and the speech components it runs on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PipelineProperties.class, AudioProperties.class})
class PipelineConfiguration {

    static final String JOB_NAME = "transcribe";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SpeechModels speechModels(PipelineProperties properties, Clock clock) {
        return new SpeechModels(
                properties.modelsDirectory().toAbsolutePath(),
                Devices.resolve(properties.device()),
                properties.batchSize(),
                properties.modelIdleTimeout(),
                clock);
    }

    @Bean
    @ConditionalOnMissingBean
    AudioDecoder audioDecoder(AudioProperties limits) {
        return new FfmpegAudioDecoder(limits);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SpeechWindowPlanner speechWindowPlanner(PipelineProperties properties) {
        VadOptions d = VadOptions.defaults();
        VadOptions options = new VadOptions(
                d.threshold(), d.minSilenceMs(), d.minSpeechMs(), d.speechPadMs(), properties.maxWindowSeconds());
        return SpeechWindowPlanners.open(properties.vad(), properties.modelsDirectory(), options);
    }

    @Bean
    PcmStore pcmStore(PipelineProperties properties, AudioDecoder decoder) {
        return new PcmStore(properties.workDirectory(), decoder);
    }

    @Bean
    JobWindows jobWindows(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager tx) {
        return new JobWindows(jdbc, json, clock, tx);
    }

    /**
     * For the steps that decode, detect speech in and recognize audio: their chunks run in no
     * database transaction (a real one held a pooled connection "idle in transaction" for as long as
     * the model ran: 4 jobs x 8 partitions starved the pool). What they write commits in short
     * transactions of its own ({@link JobWindows}); Spring Batch's own bookkeeping still goes
     * through the job repository's transaction manager.
     */
    private static final PlatformTransactionManager NO_TRANSACTION = new ResourcelessTransactionManager();

    @Bean
    RunProgressStore runProgressStore(JdbcClient jdbc, Clock clock) {
        return new RunProgressStore(jdbc, clock);
    }

    @Bean
    StopRequests stopRequests() {
        return new StopRequests();
    }

    @Bean
    Transcripts transcripts(JdbcClient jdbc, Clock clock, JsonMapper json) {
        return new Transcripts(jdbc, clock, json);
    }

    @Bean(destroyMethod = "close")
    Diarizers diarizers(PipelineProperties properties) {
        return new Diarizers(properties.modelsDirectory().toAbsolutePath());
    }

    @Bean
    Job transcribeJob(
            JobRepository repository,
            Step prepareAudio,
            Step detectSpeech,
            Step recognize,
            Step diarize,
            Step assemble) {
        return new JobBuilder(JOB_NAME, repository)
                .start(prepareAudio)
                .next(detectSpeech)
                .next(recognize)
                .next(diarize)
                .next(assemble)
                .build();
    }

    @Bean
    Step diarize(
            JobRepository repository,
            PcmStore pcm,
            JobWindows windows,
            Diarizers diarizers,
            JsonMapper json,
            RunProgressStore progress) {
        return new StepBuilder("diarize", repository)
                .tasklet(new DiarizeStep(pcm, windows, diarizers, json, progress), NO_TRANSACTION)
                .build();
    }

    @Bean
    Step prepareAudio(JobRepository repository, PcmStore pcm, RunProgressStore progress) {
        return new StepBuilder("prepareAudio", repository)
                .tasklet(new PrepareAudioStep(pcm, progress), NO_TRANSACTION)
                .build();
    }

    @Bean
    Step detectSpeech(
            JobRepository repository,
            PcmStore pcm,
            SpeechWindowPlanner planner,
            JobWindows windows,
            RunProgressStore progress) {
        return new StepBuilder("detectSpeech", repository)
                .tasklet(new DetectSpeechStep(pcm, planner, windows, progress), NO_TRANSACTION)
                .build();
    }

    @Bean
    Step recognize(
            JobRepository repository,
            Step recognizeWindows,
            WindowPartitioner windowPartitioner,
            PipelineProperties properties) {
        return new StepBuilder("recognize", repository)
                .partitioner("recognizeWindows", windowPartitioner)
                .step(recognizeWindows)
                .gridSize(properties.gridSize())
                .taskExecutor(partitionExecutor())
                .build();
    }

    private static SimpleAsyncTaskExecutor partitionExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("window-");
        // an unfinished window is simply recognized again by whoever resumes the job
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    @StepScope
    WindowPartitioner windowPartitioner(JobWindows windows, @Value("#{jobParameters['jobId']}") String jobId) {
        return new WindowPartitioner(windows, UUID.fromString(jobId));
    }

    @Bean
    Step recognizeWindows(
            JobRepository repository,
            PendingWindowReader pendingWindows,
            RecognizeWindowsWriter recognizeWriter,
            PipelineProperties properties) {
        return new StepBuilder("recognizeWindows", repository)
                .<WindowSpan, WindowSpan>chunk(properties.windowsPerCommit())
                .transactionManager(NO_TRANSACTION)
                .reader(pendingWindows)
                .writer(recognizeWriter)
                .build();
    }

    @Bean
    @StepScope
    PendingWindowReader pendingWindows(
            JobWindows windows,
            StopRequests stops,
            @Value("#{jobParameters['jobId']}") String jobId,
            @Value("#{stepExecutionContext['from']}") Integer from,
            @Value("#{stepExecutionContext['to']}") Integer to) {
        return new PendingWindowReader(windows, UUID.fromString(jobId), from, to, stops);
    }

    @Bean
    @StepScope
    RecognizeWindowsWriter recognizeWriter(
            SpeechModels models,
            PcmStore pcm,
            JobWindows windows,
            @Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
        return new RecognizeWindowsWriter(models, pcm, windows, JobParams.request(parameters));
    }

    /**
     * No transaction around the step either: it reads the windows, then builds the document and runs
     * ITN, which under load took over a second with the windows' read transaction left open (the
     * fault campaign's sampler saw it idle in transaction). The transcript is written in a short
     * transaction of its own ({@link Transcripts#save}), which replaces any earlier one of the job,
     * so a rerun after a crash writes it once.
     */
    @Bean
    Step assemble(
            JobRepository repository,
            JobWindows windows,
            Transcripts transcripts,
            PcmStore pcm,
            RunProgressStore progress,
            JsonMapper json) {
        return new StepBuilder("assemble", repository)
                .tasklet(new AssembleStep(windows, transcripts, pcm, progress, json), NO_TRANSACTION)
                .build();
    }
}

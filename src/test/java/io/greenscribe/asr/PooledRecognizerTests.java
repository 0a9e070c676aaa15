package io.greenscribe.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PooledRecognizerTests {

    /** Test double: records the size of every batch and echoes each window's first sample as its language. */
    private static final class RecordingEngine implements SpeechRecognizer {
        final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstBatchEntered = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public List<WindowTranscript> recognize(List<AudioWindow> windows, RecognitionOptions options) {
            batches.add(windows.size());
            firstBatchEntered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<WindowTranscript> out = new ArrayList<>();
            for (AudioWindow w : windows) {
                if (w.samples()[0] < 0) {
                    throw new IllegalArgumentException("bad window " + w.index());
                }
                out.add(new WindowTranscript(w.index(), "w" + (int) w.samples()[0], 1, List.of(), 0, 0, 0, 0, false));
            }
            return out;
        }

        @Override
        public String modelName() {
            return "recording";
        }
    }

    private final RecordingEngine engine = new RecordingEngine();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private static AudioWindow window(int id) {
        return new AudioWindow(id, new float[] {id, 0, 0}, 0);
    }

    @Test
    void concurrentSingleWindowCallsShareOneBatchAndEachGetsItsOwnResult() throws Exception {
        engine.release = new CountDownLatch(1);
        try (PooledRecognizer pooled = new PooledRecognizer(engine, 8, Duration.ofMillis(200))) {
            // the first call occupies the engine; the next seven queue up behind it
            Future<List<WindowTranscript>> first =
                    callers.submit(() -> pooled.recognize(List.of(window(0)), RecognitionOptions.defaults()));
            engine.firstBatchEntered.await();
            List<Future<List<WindowTranscript>>> rest = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                int id = i;
                rest.add(callers.submit(() -> pooled.recognize(List.of(window(id)), RecognitionOptions.defaults())));
            }
            await().until(() -> pooled.waiting() == 7);
            engine.release.countDown();
            assertThat(first.get().get(0).language()).isEqualTo("w0");
            for (int i = 1; i <= 7; i++) {
                assertThat(rest.get(i - 1).get()).singleElement().satisfies(t -> assertThat(t.language())
                        .isEqualTo("w" + t.windowIndex()));
            }
            assertThat(engine.batches).containsExactly(1, 7);
        }
    }

    @Test
    void requestsWithDifferentOptionsAreNeverMerged() throws Exception {
        engine.release = new CountDownLatch(1);
        try (PooledRecognizer pooled = new PooledRecognizer(engine, 8, Duration.ofMillis(200))) {
            Future<?> blocker =
                    callers.submit(() -> pooled.recognize(List.of(window(0)), RecognitionOptions.defaults()));
            engine.firstBatchEntered.await();
            Future<?> english = callers.submit(() -> pooled.recognize(
                    List.of(window(1)), RecognitionOptions.defaults().withLanguage("en")));
            await().until(() -> pooled.waiting() == 1);
            Future<?> german = callers.submit(() -> pooled.recognize(
                    List.of(window(2)), RecognitionOptions.defaults().withLanguage("de")));
            await().until(() -> pooled.waiting() == 2);
            engine.release.countDown();
            blocker.get();
            english.get();
            german.get();
            assertThat(engine.batches).containsExactly(1, 1, 1);
        }
    }

    @Test
    void aFailingCallerDoesNotFailTheOthersInItsBatch() throws Exception {
        engine.release = new CountDownLatch(1);
        try (PooledRecognizer pooled = new PooledRecognizer(engine, 8, Duration.ofMillis(200))) {
            Future<?> blocker =
                    callers.submit(() -> pooled.recognize(List.of(window(0)), RecognitionOptions.defaults()));
            engine.firstBatchEntered.await();
            Future<List<WindowTranscript>> good =
                    callers.submit(() -> pooled.recognize(List.of(window(3)), RecognitionOptions.defaults()));
            Future<List<WindowTranscript>> bad = callers.submit(() ->
                    pooled.recognize(List.of(new AudioWindow(9, new float[] {-1}, 0)), RecognitionOptions.defaults()));
            await().until(() -> pooled.waiting() == 2);
            engine.release.countDown();
            blocker.get();
            assertThat(good.get().get(0).language()).isEqualTo("w3");
            assertThatThrownBy(bad::get)
                    .hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad window 9");
        }
    }

    @Test
    void neverExceedsTheBatchSize() throws Exception {
        engine.release = new CountDownLatch(1);
        try (PooledRecognizer pooled = new PooledRecognizer(engine, 4, Duration.ofMillis(200))) {
            Future<?> blocker =
                    callers.submit(() -> pooled.recognize(List.of(window(0)), RecognitionOptions.defaults()));
            engine.firstBatchEntered.await();
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                int id = i;
                calls.add(callers.submit(() -> pooled.recognize(List.of(window(id)), RecognitionOptions.defaults())));
            }
            await().until(() -> pooled.waiting() == 6);
            engine.release.countDown();
            blocker.get();
            for (Future<?> call : calls) {
                call.get();
            }
            assertThat(engine.batches).containsExactly(1, 4, 2);
        }
    }

    @Test
    void closedPoolRefusesWork() {
        PooledRecognizer pooled = new PooledRecognizer(engine, 4, Duration.ofMillis(10));
        pooled.close();
        assertThatThrownBy(() -> pooled.recognize(List.of(window(1)), RecognitionOptions.defaults()))
                .isInstanceOf(IllegalStateException.class);
    }
}

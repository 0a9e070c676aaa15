package io.greenscribe.vad.silero;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TorchWorkerTests {

    @BeforeAll
    static void loadPyTorch() {
        Engine.getEngine("PyTorch");
    }

    @Test
    void runsSingleThreadedWithoutChangingOtherThreads() throws Exception {
        // given the intra-op thread count this thread and fresh threads start with
        int here = JniUtils.getNumThreads();
        int fresh = onNewThread(JniUtils::getNumThreads);

        // when
        int onWorker;
        try (TorchWorker worker = new TorchWorker()) {
            onWorker = worker.call(JniUtils::getNumThreads);
        }

        // then
        assertThat(onWorker).isEqualTo(1);
        assertThat(JniUtils.getNumThreads()).isEqualTo(here);
        assertThat(onNewThread(JniUtils::getNumThreads)).isEqualTo(fresh);
    }

    private static <T> T onNewThread(Callable<T> task) throws Exception {
        FutureTask<T> result = new FutureTask<>(task);
        Thread thread = new Thread(result);
        thread.start();
        return result.get();
    }
}

package io.greenscribe.asr.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AdaptiveBatchesTests {

    @Test
    void halvesTheBatchOnOutOfMemoryAndKeepsEveryResultInOrder() {
        // given a device that only fits two windows at once
        List<Integer> items = IntStream.range(0, 8).boxed().toList();
        AtomicInteger batchSize = new AtomicInteger(8);
        List<Integer> attempted = new ArrayList<>();

        // when
        List<Integer> out = AdaptiveBatches.run(items, batchSize, batch -> {
            attempted.add(batch.size());
            if (batch.size() > 2) {
                throw new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB");
            }
            return batch.stream().map(i -> i * 10).toList();
        });

        // then
        assertThat(out).containsExactly(0, 10, 20, 30, 40, 50, 60, 70);
        assertThat(attempted).containsExactly(8, 4, 2, 2, 2, 2);
        assertThat(batchSize.get()).isEqualTo(2);
    }

    @Test
    void otherEngineErrorsAreNotSwallowed() {
        AtomicInteger batchSize = new AtomicInteger(4);
        assertThatThrownBy(() -> AdaptiveBatches.run(List.of(1, 2, 3), batchSize, batch -> {
                    throw new EngineException("shape mismatch");
                }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("shape mismatch");
        assertThat(batchSize.get()).isEqualTo(4);
    }

    @Test
    void outOfMemoryOnASingleWindowIsReported() {
        AtomicInteger batchSize = new AtomicInteger(1);
        assertThatThrownBy(() -> AdaptiveBatches.run(List.of(1), batchSize, batch -> {
                    throw new EngineException("DefaultCPUAllocator: can't allocate memory");
                }))
                .isInstanceOf(EngineException.class);
    }
}

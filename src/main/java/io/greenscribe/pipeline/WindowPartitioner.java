package io.greenscribe.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Splits a job's windows into contiguous index ranges, one per partition. */
@RequiredArgsConstructor
class WindowPartitioner implements Partitioner {

    private final JobWindows windows;
    private final UUID jobId;

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<WindowSpan> all = windows.all(jobId);
        int parts = Math.max(1, Math.min(gridSize, all.size()));
        int per = (all.size() + parts - 1) / parts;
        Map<String, ExecutionContext> partitions = new HashMap<>();
        for (int p = 0; p < parts; p++) {
            ExecutionContext range = new ExecutionContext();
            range.putInt("from", p * per);
            range.putInt("to", Math.min(all.size(), (p + 1) * per) - 1);
            partitions.put("windows" + p, range);
        }
        return partitions;
    }
}

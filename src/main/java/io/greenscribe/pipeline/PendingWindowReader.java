package io.greenscribe.pipeline;

import java.util.Iterator;
import java.util.UUID;
import org.springframework.batch.infrastructure.item.ItemReader;

/** One partition's windows that have no committed result yet; finished ones are never read. */
class PendingWindowReader implements ItemReader<WindowSpan> {

    private final JobWindows windows;
    private final UUID jobId;
    private final int from;
    private final int to;
    private final StopRequests stops;
    private Iterator<WindowSpan> pending;

    PendingWindowReader(JobWindows windows, UUID jobId, int from, int to, StopRequests stops) {
        this.stops = stops;
        this.windows = windows;
        this.jobId = jobId;
        this.from = from;
        this.to = to;
    }

    @Override
    public WindowSpan read() {
        stops.check(jobId); // between two windows: the last one is committed
        if (pending == null) {
            pending = windows.pending(jobId, from, to).iterator();
        }
        return pending.hasNext() ? pending.next() : null;
    }
}

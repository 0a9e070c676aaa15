package io.greenscribe.job;

/**
 * A deliberate write of the aggregate's field from outside it, for {@code ArchitectureTests}, which
 * shows that the aggregate rule catches it. Test sources only: the rules check main classes.
 */
public class AggregateFieldWriter {

    public void bump(TranscriptionJob job) {
        job.priority = 100;
    }
}

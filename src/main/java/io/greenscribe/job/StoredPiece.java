package io.greenscribe.job;

import io.greenscribe.scheduling.RunPiece;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One row of {@code job_run_piece}: a stretch of time the job's plan lets it run in. */
@Embeddable
class StoredPiece {

    @Column(name = "starts_at")
    Instant startsAt;

    @Column(name = "ends_at")
    Instant endsAt;

    protected StoredPiece() {}

    StoredPiece(RunPiece piece) {
        this.startsAt = piece.from();
        this.endsAt = piece.to();
    }

    RunPiece piece() {
        return new RunPiece(startsAt, endsAt);
    }
}

package io.greenscribe.job.batch;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Many files submitted together with shared options; its jobs carry its id. */
@Entity
@Table(name = "job_batch")
class JobBatch {

    @Id
    UUID id;

    UUID tenantId;
    String name;
    Instant createdAt;

    protected JobBatch() {}

    JobBatch(UUID id, UUID tenantId, String name, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.createdAt = createdAt;
    }
}

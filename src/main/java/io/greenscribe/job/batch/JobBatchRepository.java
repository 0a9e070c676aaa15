package io.greenscribe.job.batch;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JobBatchRepository extends JpaRepository<JobBatch, UUID> {

    Optional<JobBatch> findByIdAndTenantId(UUID id, UUID tenantId);
}

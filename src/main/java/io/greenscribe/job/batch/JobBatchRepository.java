package io.greenscribe.job.batch;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface JobBatchRepository extends JpaRepository<JobBatch, UUID> {

    Optional<JobBatch> findByIdAndTenantId(UUID id, UUID tenantId);

    Page<JobBatch> findByTenantIdOrderByCreatedAtDesc(UUID tenantId, Pageable page);
}

package io.greenscribe.recurring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecurrenceRepository extends JpaRepository<Recurrence, UUID> {

    Optional<Recurrence> findByIdAndTenantId(UUID id, UUID tenantId);

    List<Recurrence> findByTenantIdOrderByCreatedAtDesc(UUID tenantId);

    List<Recurrence> findByEnabledTrue();
}

package io.greenscribe.job;

import io.greenscribe.system.NotFoundException;
import java.util.UUID;

/** No such job for this tenant (another tenant's job is reported the same way). */
class JobNotFoundException extends NotFoundException {

    JobNotFoundException(UUID id) {
        super("Job " + id + " not found.");
    }
}

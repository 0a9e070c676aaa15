package io.greenscribe.admin;

import io.greenscribe.system.NotFoundException;
import io.greenscribe.system.security.ApiKeys;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The tenant the console acts for; looked up on use because the bootstrap creates it after start-up. */
@Component
@RequiredArgsConstructor
class ConsoleTenant {

    private final ApiKeys keys;
    private final AdminProperties properties;

    String name() {
        return properties.tenant();
    }

    UUID id() {
        return keys.tenant(properties.tenant())
                .orElseThrow(
                        () -> new NotFoundException("Console tenant '" + properties.tenant() + "' does not exist."));
    }
}

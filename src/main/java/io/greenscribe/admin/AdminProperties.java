package io.greenscribe.admin;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's login and the tenant whose jobs it shows.
 *
 * @param username the console user's name
 * @param password the console user's password, plain or already encoded ({@code {bcrypt}$2a$…});
 *     when empty a random one is generated at start and printed once; only its hash is kept
 * @param tenant the tenant the console reads and acts for (the bootstrap tenant by default)
 * @param timeZone the IANA zone the console writes and reads times in ({@code Europe/Berlin}); the
 *     server's own zone when empty
 */
@ConfigurationProperties("greenscribe.admin")
record AdminProperties(
        @DefaultValue("admin") String username,
        String password,
        @DefaultValue("default") String tenant,
        String timeZone) {

    ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone.strip());
    }
}

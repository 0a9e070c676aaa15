package io.greenscribe.system.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded database: the superuser with the generated secret, over loopback
 * TCP, and no one else (unix sockets are off, so a local user cannot take the socket's peer or trust
 * path). A cluster initialised before this rule (trust on loopback) is converted on its first start:
 * the password is set, {@code pg_hba.conf} rewritten and reloaded.
 */
final class LoopbackPasswordAccess {

    private static final Logger log = LoggerFactory.getLogger(LoopbackPasswordAccess.class);

    static final String HBA = """
            # Written by GreenScribe at each start; edits are overwritten. Password (SCRAM) only, loopback only.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private LoopbackPasswordAccess() {}

    /** Options for the first initdb: SCRAM from the start, the superuser's password from the secret. */
    static void initdbOptions(EmbeddedPostgres.Builder builder, DatabaseSecret secret) {
        // the builder passes "locale" options to initdb as --key=value, after its own "-A trust",
        // which they override; there is no other way to give initdb arguments
        builder.setLocaleConfig("auth", "scram-sha-256");
        builder.setLocaleConfig("pwfile", secret.passwordFile().toAbsolutePath().toString());
    }

    /** Makes the running cluster match the rule above; a no-op when it already does. */
    static void enforce(EmbeddedPostgres postgres, Path dataDirectory, DatabaseSecret secret) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        boolean converted = !Files.readString(hba).equals(HBA);
        if (converted) {
            try (Connection c = DriverManager.getConnection(
                            postgres.getJdbcUrl("postgres", "postgres"), "postgres", secret.value());
                    Statement st = c.createStatement()) {
                st.execute("set password_encryption = 'scram-sha-256'");
                // the secret is hex: nothing to escape
                st.execute("alter role postgres password '" + secret.value() + "'");
                Files.writeString(hba, HBA);
                st.execute("select pg_reload_conf()");
            } catch (SQLException e) {
                throw new IOException(
                        "Could not set password authentication on the embedded database: " + e.getMessage(), e);
            }
            log.info(
                    "Embedded PostgreSQL now requires the password kept in {}",
                    dataDirectory.resolve(DatabaseSecret.FILE_NAME));
        }
        secret.keepInDataDirectory();
    }
}

package io.greenscribe.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets one instance at a time re-plan, across all instances on the database: a PostgreSQL session
 * advisory lock held on one connection while the work runs. An instance that finds it taken skips
 * its re-plan, since the holder re-plans every waiting job; a holder that dies loses its
 * connection and with it the lock.
 */
@RequiredArgsConstructor
final class ReplanLock {

    /** Any fixed key will do, as long as nothing else on the database uses it: "GS-REPLN". */
    static final long KEY = 0x47532d5245504c4eL;

    private final JdbcTemplate jdbc;

    /** Runs {@code work} under the lock if no other session holds it; empty if one does. */
    <T> Optional<T> ifFree(Supplier<T> work) {
        return Optional.ofNullable(jdbc.execute((ConnectionCallback<T>) c -> {
            if (!call(c, "select pg_try_advisory_lock(?)")) {
                return null;
            }
            try {
                return work.get();
            } finally {
                call(c, "select pg_advisory_unlock(?)");
            }
        }));
    }

    private static boolean call(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, KEY);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}

package io.greenscribe.queue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The heartbeat, the reaper and the shutdown hand-back talk to the database through a pool of
 * their own (2 connections, same URL and credentials as the main one): when request threads or
 * jobs use up the main pool, leases are still renewed, so a live worker is never reaped for it.
 */
final class LeaseDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseDatabase.class);
    static final int POOL_SIZE = 2;

    private final HikariDataSource own;
    private final JdbcClient jdbc;

    LeaseDatabase(DataSource main) {
        HikariDataSource hikari = unwrap(main);
        if (hikari == null) {
            log.warn(
                    "The datasource is not a Hikari pool; queue leases share it ({})",
                    main.getClass().getName());
            this.own = null;
            this.jdbc = JdbcClient.create(main);
            return;
        }
        HikariConfig config = new HikariConfig();
        hikari.copyStateTo(config);
        config.setPoolName((hikari.getPoolName() == null ? "db" : hikari.getPoolName()) + "-leases");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        // a lease tick that cannot reach the database should fail fast and try again on the next tick
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        this.own = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(own);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    private static HikariDataSource unwrap(DataSource ds) {
        if (ds instanceof HikariDataSource h) {
            return h;
        }
        try {
            return ds.isWrapperFor(HikariDataSource.class) ? ds.unwrap(HikariDataSource.class) : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }
}

package io.greenscribe.testing;

import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests that run server processes read straight from the database: a job's status and its
 * windows, as the rows say, whatever the processes did.
 */
public final class JobRows {

    /** One row of {@code job_window}: who recognized it and when, so a redone window shows. */
    public record Window(int index, String status, int attempts, String recognizedAt, String recognizedBy) {}

    private JobRows() {}

    /** A client of the test database as its owner. */
    public static JdbcClient database(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        return JdbcClient.create(ds);
    }

    public static String status(JdbcClient db, UUID id) {
        return db.sql("select status from transcription_job where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    public static String transcript(JdbcClient db, UUID id) {
        return db.sql("select full_text from transcript where job_id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    public static List<Window> windows(JdbcClient db, UUID id) {
        return db.sql("""
                        select idx, status, attempts, recognized_at::text, coalesce(recognized_by, '')
                        from job_window where job_id = ? order by idx""")
                .param(id)
                .query((rs, n) ->
                        new Window(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    public static long done(List<Window> windows) {
        return windows.stream().filter(w -> w.status().equals("DONE")).count();
    }
}

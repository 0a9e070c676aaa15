import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the fault campaign cannot see through the API: per job, how many transcripts exist and how
 * many windows were recognized more than once; connections idle in a transaction for over 1 s.
 * Run with the PostgreSQL driver from the server jar: java -cp postgresql.jar DbCheck.java URL PASSWORD [MODE]
 */
public class DbCheck {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 2 ? args[2] : "summary";
        if (mode.equals("sample")) {
            sample(args[0], args[1], Long.parseLong(args[3]));
            return;
        }
        try (Connection c = DriverManager.getConnection(args[0], "postgres", args[1]); Statement st = c.createStatement()) {
            if (mode.equals("windows")) {
                // committed windows, to compare before and after a fault: any change is a recomputation
                ResultSet w = st.executeQuery("select job_id, idx, recognized_at, recognized_by from job_window where status = 'DONE'");
                while (w.next()) {
                    System.out.println(w.getString(1) + " " + w.getInt(2) + " " + w.getString(3) + " " + w.getString(4));
                }
                return;
            }
            if (mode.equals("running")) {
                // the jobs running now and the worker that holds each
                ResultSet r = st.executeQuery("select id, coalesce(worker_id, '-') from transcription_job where status = 'RUNNING'");
                while (r.next()) {
                    System.out.println(r.getString(1) + " " + r.getString(2));
                }
                return;
            }
            if (mode.equals("ids")) {
                // every job row, to find upload files that no job owns
                ResultSet r = st.executeQuery("select id from transcription_job");
                while (r.next()) {
                    System.out.println(r.getString(1));
                }
                return;
            }
            // the jobs created since the given epoch-ms (0: all), so that a phase on a shared server sees its own
            long since = args.length > 3 ? Long.parseLong(args[3]) : 0;
            st.execute("create temporary table phase_job as select id, status, error from transcription_job"
                    + " where created_at >= to_timestamp(" + since + " / 1000.0)");
            ResultSet rs = st.executeQuery("""
                    select
                      (select count(*) from phase_job),
                      (select count(*) from phase_job where status = 'SUCCEEDED'),
                      (select count(*) from phase_job where status = 'FAILED'),
                      (select count(*) from (select job_id from transcript where job_id in (select id from phase_job)
                         group by job_id having count(*) > 1) d),
                      (select coalesce(sum(attempts - 1), 0) from job_window where status = 'DONE' and attempts > 1
                         and job_id in (select id from phase_job)),
                      (select count(*) from pg_stat_activity where datname = current_database()
                         and state like 'idle in transaction%' and now() - state_change > interval '1 second'),
                      (select string_agg(distinct left(coalesce(error, ''), 80), ' | ') from phase_job where status = 'FAILED'),
                      (select count(*) from (select job_id from job_event where to_status = 'SUCCEEDED'
                         and job_id in (select id from phase_job) group by job_id having count(*) > 1) s)
                    """);
            rs.next();
            System.out.printf("{\"jobs\": %d, \"succeeded\": %d, \"failed\": %d, \"duplicated\": %d, \"reattempted_windows\": %d, "
                    + "\"idle_in_tx\": %d, \"errors\": \"%s\", \"succeeded_twice\": %d}%n", rs.getLong(1), rs.getLong(2),
                    rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getString(7) == null ? "" : rs.getString(7).replace("\"", "'").replace("\\", "/"), rs.getLong(8));
        }
    }

    /**
     * Until killed, every {@code intervalMs}: how many of the server's connections have been idle in a
     * transaction for over 1 s, the oldest of them in ms, and that one's last statement. The database
     * may go away (the server and its embedded PostgreSQL are killed and restarted): it reconnects.
     * One line per sample: epoch-ms count oldest-ms [statement]; "down" while it cannot connect.
     */
    static void sample(String url, String password, long intervalMs) throws InterruptedException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "2");
        p.setProperty("socketTimeout", "5");
        p.setProperty("ApplicationName", "faults-sampler");
        while (true) {
            try (Connection c = DriverManager.getConnection(url, p); Statement st = c.createStatement()) {
                while (true) {
                    ResultSet r = st.executeQuery("""
                            select count(*) filter (where now() - state_change > interval '1 second'),
                                   coalesce(max(extract(epoch from now() - state_change) * 1000)::bigint, 0),
                                   (array_agg(left(regexp_replace(query, '\\s+', ' ', 'g'), 120) order by state_change))[1]
                            from pg_stat_activity
                            where datname = current_database() and pid <> pg_backend_pid()
                              and state like 'idle in transaction%'
                            """);
                    r.next();
                    System.out.println(System.currentTimeMillis() + " " + r.getLong(1) + " " + r.getLong(2)
                            + (r.getLong(1) > 0 ? " " + r.getString(3) : ""));
                    System.out.flush();
                    Thread.sleep(intervalMs);
                }
            } catch (SQLException e) {
                System.out.println(System.currentTimeMillis() + " down");
                System.out.flush();
                Thread.sleep(intervalMs);
            }
        }
    }
}

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What the fault campaign cannot see through the API: per job, how many transcripts exist and how
 * many windows were recognized more than once; connections idle in a transaction for over 1 s.
 * Run with the PostgreSQL driver from the server jar: java -cp postgresql.jar DbCheck.java URL PASSWORD
 */
public class DbCheck {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "postgres", args[1]); Statement st = c.createStatement()) {
            if (args.length > 2 && args[2].equals("windows")) {
                // committed windows, to compare before and after a fault: any change is a recomputation
                ResultSet w = st.executeQuery("select job_id, idx, recognized_at, recognized_by from job_window where status = 'DONE'");
                while (w.next()) {
                    System.out.println(w.getString(1) + " " + w.getInt(2) + " " + w.getString(3) + " " + w.getString(4));
                }
                return;
            }
            if (args.length > 2 && args[2].equals("running")) {
                ResultSet r = st.executeQuery("select count(*) from transcription_job where status = 'RUNNING'");
                r.next();
                System.out.println(r.getLong(1));
                return;
            }
            ResultSet rs = st.executeQuery("""
                    select
                      (select count(*) from transcription_job),
                      (select count(*) from transcription_job where status = 'SUCCEEDED'),
                      (select count(*) from transcription_job where status = 'FAILED'),
                      (select count(*) from (select job_id from transcript group by job_id having count(*) > 1) d),
                      (select coalesce(sum(attempts - 1), 0) from job_window where status = 'DONE' and attempts > 1),
                      (select count(*) from pg_stat_activity where datname = current_database()
                         and state like 'idle in transaction%' and now() - state_change > interval '1 second'),
                      (select string_agg(distinct left(coalesce(error, ''), 80), ' | ') from transcription_job where status = 'FAILED')
                    """);
            rs.next();
            System.out.printf("{\"jobs\": %d, \"succeeded\": %d, \"failed\": %d, \"duplicated\": %d, \"recomputed\": %d, "
                    + "\"idle_in_tx\": %d, \"errors\": \"%s\"}%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getString(7) == null ? "" : rs.getString(7).replace("\"", "'"));
        }
    }
}

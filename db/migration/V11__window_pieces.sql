-- A window is speech stretches joined with the pauses between them cut out: [[start, end], ...] in
-- samples of the original audio. Null for a window of one stretch (start_sample .. end_sample),
-- as every window planned before this column was.
alter table job_window add column pieces jsonb;

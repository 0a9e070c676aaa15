-- A sentence when a job's upload was not read whole (truncated or damaged: "decoded 4.2 s; the
-- container declares 10.5 s"): the job still succeeds with what was decoded, and says so.
alter table transcription_job add column warning text;

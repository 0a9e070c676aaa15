-- Retention, as Azure batch transcription's timeToLive: how long a job's uploaded audio and its
-- transcript are kept after the job ends. Each job stores the time-to-live it got at submission
-- (its own option, else its tenant's default, else the server's), in seconds; null keeps forever.
-- The expiry instants are set when the job ends and cleared by a retry; the purge task deletes
-- what is due and stamps when it did, so the state survives restarts and is shared by instances.
alter table tenant add column audio_ttl_seconds bigint;
alter table tenant add column transcript_ttl_seconds bigint;

alter table transcription_job add column audio_ttl_seconds bigint;
alter table transcription_job add column transcript_ttl_seconds bigint;
alter table transcription_job add column audio_expires_at timestamptz;
alter table transcription_job add column audio_deleted_at timestamptz;
alter table transcription_job add column transcript_expires_at timestamptz;
alter table transcription_job add column transcript_deleted_at timestamptz;

create index job_audio_due on transcription_job (audio_expires_at)
    where audio_expires_at is not null and audio_deleted_at is null;
create index job_transcript_due on transcription_job (transcript_expires_at)
    where transcript_expires_at is not null and transcript_deleted_at is null;

-- Live progress of a run, written by the pipeline as each stage starts, readable by any instance:
-- the stage, when this run began (for the ETA), the decoded audio length as soon as decoding
-- ended, and the device the run uses.
create table job_progress (
    job_id          uuid primary key,
    stage           varchar(16) not null check (stage in ('DECODING', 'VAD', 'WINDOWS', 'ASSEMBLY')),
    stage_at        timestamptz not null,
    run_started_at  timestamptz not null,
    audio_seconds   double precision,
    device          varchar(100)
);

-- When a window was handed to the recognizer: windows decoded together in one batch finish
-- together, so "in flight" is what moves between their commits.
alter table job_window add column started_at timestamptz;

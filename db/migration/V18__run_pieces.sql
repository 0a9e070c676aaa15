-- Interruptible jobs (docs/carbon.md, "Interruptible jobs"): a job with a deadline may run in
-- several stretches of green time and pause between windows in the gaps. The global schedule
-- writes those stretches here; the queue reads them at each heartbeat to pause a running job at
-- the end of its stretch, back to waiting until the next one. No rows: one run from run_at.
alter table transcription_job add column interruptible boolean not null default true;

create table job_run_piece (
    job_id    uuid not null references transcription_job (id) on delete cascade,
    starts_at timestamptz not null,
    ends_at   timestamptz not null check (ends_at > starts_at),
    primary key (job_id, starts_at)
);

-- A job's life as it happened: one row per status move, written in the same transaction as the move
-- (by the aggregate's save or by the queue's statement), so history, retries and per-attempt run
-- times are read, never rebuilt from the latest timestamps.
create table job_event (
    id          bigserial    primary key,
    job_id      uuid         not null references transcription_job (id) on delete cascade,
    at          timestamptz  not null,
    transition  varchar(32)  not null,
    from_status varchar(32),
    to_status   varchar(32)  not null,
    attempt     integer      not null,
    worker_id   varchar(200),
    reason      varchar(100),
    message     text
);

create index job_event_by_job on job_event (job_id, id);

-- Jobs from before this table get their creation, so every job's history starts somewhere.
insert into job_event (job_id, at, transition, from_status, to_status, attempt, reason, message)
select id, created_at, 'SUBMIT', null, 'SUBMITTED', 0, 'submitted', 'recorded before the event log existed'
from transcription_job;

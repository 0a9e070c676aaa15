-- Every completion-webhook delivery attempt, kept with its job: shown on the job (API, console) and,
-- when the last one gave up or was refused, among the console's problems.
create table webhook_delivery (
    id            bigserial primary key,
    job_id        uuid not null references transcription_job (id) on delete cascade,
    attempt       int not null,
    attempted_at  timestamptz not null,
    url           text not null,
    http_status   int,
    outcome       text not null check (outcome in ('DELIVERED', 'FAILED', 'GAVE_UP', 'REFUSED')),
    error         text
);

create index webhook_delivery_job on webhook_delivery (job_id, id);

-- Recurring batches (issue 4): "every night, all files in this folder, finished by 07:00". Each
-- occurrence's window is written in the batch's own time zone, so DST shifts are honoured.

create table recurring_batch (
    id            uuid primary key,
    tenant_id     uuid not null references tenant (id),
    name          text not null,
    directory     text not null,            -- as the user gave it; resolved again at each occurrence
    time_zone     text not null,            -- IANA zone id
    days          text not null,            -- MON,TUE,...; every day when all seven
    opens_at      time not null,
    finish_by     time not null,            -- earlier than opens_at: the next day
    -- job options, stored as transcription_job stores them
    language      text,
    model         text,                     -- null: the server's default at each occurrence
    hotwords      text,                     -- one per line
    itn           boolean not null,
    formats       text not null,            -- extensions, comma-separated
    priority      int not null default 0,
    callback_url  text,
    only_new      boolean not null default true,
    enabled       boolean not null default true,
    created_at    timestamptz not null,
    stopped_at    timestamptz,
    constraint recurring_window check (opens_at <> finish_by)
);

create index recurring_batch_tenant on recurring_batch (tenant_id, created_at desc);

-- One row per occurrence. The primary key is what makes many instances sharing this database
-- create each occurrence exactly once: the row is inserted (on conflict do nothing) in the same
-- transaction that creates its batch, so a second instance's insert waits for the first and then
-- finds the row, and a crash before commit leaves neither row nor batch behind.
create table recurring_occurrence (
    recurring_id    uuid not null references recurring_batch (id),
    occurrence_key  text not null,           -- the local date the window opens on
    opens_at        timestamptz not null,
    deadline        timestamptz not null,
    batch_id        uuid references job_batch (id),
    files           int not null default 0,
    note            text,
    created_at      timestamptz not null,
    primary key (recurring_id, occurrence_key)
);

create index recurring_occurrence_batch on recurring_occurrence (batch_id) where batch_id is not null;

-- Per-job speech windows (one row per VAD window, its result committed as soon as it is recognized)
-- and finished transcripts with their segments, searchable with PostgreSQL full-text search.

create table job_window (
    job_id         uuid not null,
    idx            int not null,
    start_sample   bigint not null,
    end_sample     bigint not null,
    status         text not null check (status in ('PENDING', 'DONE')),
    attempts       int not null default 0,
    recognized_by  text,
    recognized_at  timestamptz,
    language       text,
    no_speech      boolean,
    segments       jsonb,
    primary key (job_id, idx)
);

create table transcript (
    job_id      uuid primary key,
    tenant_id   uuid not null,
    language    text not null,
    model       text not null,
    duration_seconds double precision not null,
    full_text   text not null,
    created_at  timestamptz not null,
    search      tsvector generated always as (to_tsvector('simple', full_text)) stored
);

create index transcript_search on transcript using gin (search);
create index transcript_tenant on transcript (tenant_id, created_at desc);

create table transcript_segment (
    job_id    uuid not null references transcript (job_id) on delete cascade,
    idx       int not null,
    start_s   double precision not null,
    end_s     double precision not null,
    text      text not null,
    raw_text  text not null,
    primary key (job_id, idx)
);

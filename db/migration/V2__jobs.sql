-- Tenants, their API keys (only a SHA-256 of each key is stored), batches and transcription jobs.

create table tenant (
    id          uuid primary key,
    name        text not null unique,
    created_at  timestamptz not null
);

create table api_key (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id),
    key_hash    text not null unique,
    key_prefix  text not null,
    role        text not null check (role in ('USER', 'ADMIN')),
    created_at  timestamptz not null,
    revoked_at  timestamptz
);

create table job_batch (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id),
    name        text,
    created_at  timestamptz not null
);

create table transcription_job (
    id                    uuid primary key,
    tenant_id             uuid not null references tenant (id),
    batch_id              uuid references job_batch (id),
    status                text not null,
    version               bigint not null default 0,
    priority              int not null default 0,
    idempotency_key       text,
    -- input
    audio_path            text not null,
    audio_name            text not null,
    audio_bytes           bigint not null,
    audio_owned           boolean not null,
    language              text,
    model                 text not null,
    hotwords              text,
    itn                   boolean not null,
    formats               text not null,
    callback_url          text,
    -- scheduling (decided by the JobScheduling hook; the carbon planner plugs in there)
    deadline              timestamptz,
    not_before            timestamptz,
    run_at                timestamptz not null,
    scheduling_reason     text,
    scheduling_detail     text,
    expected_intensity    double precision,
    -- queue: lease held by one worker, renewed by heartbeats
    worker_id             text,
    lease_until           timestamptz,
    heartbeat_at          timestamptz,
    attempts              int not null default 0,
    -- results
    audio_seconds         double precision,
    speech_seconds        double precision,
    windows_total         int,
    device                text,
    language_detected     text,
    error                 text,
    energy_wh             double precision,
    gco2e                 double precision,
    counterfactual_gco2e  double precision,
    -- timings
    created_at            timestamptz not null,
    queued_at             timestamptz,
    started_at            timestamptz,
    finished_at           timestamptz,
    constraint job_idempotency unique (tenant_id, idempotency_key)
);

-- The claim's scan: runnable jobs by priority then age.
create index job_runnable on transcription_job (priority desc, run_at, created_at) where status = 'QUEUED';
create index job_waiting on transcription_job (run_at) where status = 'WAITING_FOR_WINDOW';
create index job_leases on transcription_job (lease_until) where status = 'RUNNING';
create index job_tenant_created on transcription_job (tenant_id, created_at desc);
create index job_batch_idx on transcription_job (batch_id) where batch_id is not null;

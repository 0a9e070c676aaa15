-- Recurring batches can diarize their jobs (issue 14), stored as transcription_job stores it (V14):
-- diarize off leaves the three counts null; speakers fixes the count, else it is estimated within
-- min_speakers..max_speakers.
alter table recurring_batch
    add column diarize boolean not null default false,
    add column speakers int,
    add column min_speakers int,
    add column max_speakers int;

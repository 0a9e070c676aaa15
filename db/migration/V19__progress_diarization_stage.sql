-- The diarize step (V14) reports its stage too: a diarized run shows "identifying speakers"
-- between recognizing its windows and assembling the transcript.
alter table job_progress drop constraint job_progress_stage_check;
alter table job_progress add constraint job_progress_stage_check
    check (stage in ('DECODING', 'VAD', 'WINDOWS', 'DIARIZATION', 'ASSEMBLY'));

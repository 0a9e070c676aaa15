-- Speaker diarization (issue 14): what the client asked for, and who spoke each segment and word.
-- diarize off leaves the three counts null; speakers fixes the count, else it is estimated within
-- min_speakers..max_speakers (null bounds: 1 and 8).
alter table transcription_job
    add column diarize boolean not null default false,
    add column speakers int,
    add column min_speakers int,
    add column max_speakers int;

-- speaker: numbered from 1 in order of first appearance, null when the job was not diarized.
-- words: [{"start", "end", "word", "probability", "speaker"}] when the recognizer timed words.
alter table transcript_segment
    add column speaker int,
    add column words jsonb;

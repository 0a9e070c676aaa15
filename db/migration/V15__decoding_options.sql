-- Decoding options a job carries to the recognizer (issue 14): Whisper's task (transcribe, or
-- translate to English), the initial prompt (previous-text context, not hotwords), and word
-- timestamps (one more decoder pass per window). language may now also hold 'auto-per-window'.
alter table transcription_job
    add column task text not null default 'transcribe',
    add column prompt text,
    add column word_timestamps boolean not null default false;

-- Each segment's own language (set when the language is detected per window) and its words with
-- their timings (when word timestamps were asked for), so the exports and the OpenAI endpoint can
-- give them back.
alter table transcript_segment
    add column language text,
    add column words jsonb;

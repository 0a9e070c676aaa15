-- Decoding options a job carries to the recognizer (issue 14): Whisper's task (transcribe, or
-- translate to English), the initial prompt (previous-text context, not hotwords), and word
-- timestamps (one more decoder pass per window). language may now also hold 'auto-per-window'.
alter table transcription_job
    add column task text not null default 'transcribe',
    add column prompt text,
    add column word_timestamps boolean not null default false;

-- Each segment's own language (set when the language is detected per window), so the exports and
-- the OpenAI endpoint can give it back. Its words with their timings are V14's words column.
alter table transcript_segment
    add column language text;

#!/usr/bin/env python3
"""Drives GreenScribe's OpenAI-compatible endpoints with the real `openai` Python client.

Run from OpenAiClientIntegrationTests (which starts the server on a random loopback port), or by
hand against a running server:

    bench/.venv-openai/bin/python bench/openai-client/client_test.py \
        --base-url http://127.0.0.1:8080/v1 --api-key KEY \
        --english ../shared/data/speech/en-short/audio/LJ001-0001.flac --english-text "Printing, in ..." \
        --mandarin ../shared/data/speech/zh-short/audio/BAC009S0764W0121.wav \
        --english-model whisper-tiny.en --multilingual-model whisper-base \
        --meeting target/meeting.wav --meeting-change 6.4 --results target/openai-client.json

--meeting is a two-speaker recording whose second voice starts at --meeting-change seconds (the
test builds one from two en-short speakers); without it the diarized_json checks are skipped.

Each check is named; the results file holds one entry per check (name, ok, detail) and the exit
code is 0 only when every check passed. Every request goes to --base-url, which must be loopback.
"""

import argparse
import json
import re
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import openai
from openai import OpenAI

RESULTS = []


def check(name):
    def wrap(fn):
        def run(*args):
            started = time.monotonic()
            try:
                detail = fn(*args) or ""
                RESULTS.append({"name": name, "ok": True, "detail": detail,
                                "seconds": round(time.monotonic() - started, 2)})
                print(f"PASS {name}: {detail}", flush=True)
            except Exception as e:  # a failed check is reported, the others still run
                RESULTS.append({"name": name, "ok": False, "detail": f"{type(e).__name__}: {e}",
                                "seconds": round(time.monotonic() - started, 2)})
                print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)
        return run
    return wrap


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def words_of(text):
    return re.findall(r"[a-z']+", text.lower())


def overlap(reference, hypothesis):
    ref = words_of(reference)
    hyp = set(words_of(hypothesis))
    return sum(1 for w in ref if w in hyp) / max(1, len(ref))


def openai_error(call, status):
    """Runs call, which must fail with `status`; returns the client's exception."""
    try:
        call()
    except openai.APIStatusError as e:
        expect(e.status_code == status, f"status {e.status_code}, expected {status}: {e}")
        body = e.body
        expect(isinstance(body, dict), f"error body is not an object: {body!r}")
        # the client hands over the "error" member of {"error": {...}}
        expect(set(body) >= {"message", "type", "param", "code"}, f"error keys {sorted(body)}")
        expect(body["message"], "empty message")
        return e
    raise AssertionError(f"expected HTTP {status}, the call succeeded")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base-url", required=True)
    p.add_argument("--api-key", required=True)
    p.add_argument("--english", required=True, type=Path)
    p.add_argument("--english-text", required=True)
    p.add_argument("--mandarin", required=True, type=Path)
    p.add_argument("--english-model", required=True)
    p.add_argument("--multilingual-model", required=True)
    p.add_argument("--meeting", type=Path)
    p.add_argument("--meeting-change", type=float)
    p.add_argument("--results", required=True, type=Path)
    a = p.parse_args()
    host = urllib.parse.urlparse(a.base_url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"refusing a non-loopback base URL: {a.base_url}")

    client = OpenAI(base_url=a.base_url, api_key=a.api_key, max_retries=0, timeout=600)
    en = a.english
    zh = a.mandarin

    @check("json")
    def json_format():
        r = client.audio.transcriptions.create(model="whisper-1", file=en)
        expect(overlap(a.english_text, r.text) >= 0.6, f"text {r.text!r}")
        return r.text

    @check("text")
    def text_format():
        r = client.audio.transcriptions.create(model="whisper-1", file=en, response_format="text")
        expect(isinstance(r, str) and overlap(a.english_text, r) >= 0.6, f"text {r!r}")
        return r.strip()[:60]

    @check("srt")
    def srt_format():
        r = client.audio.transcriptions.create(model="whisper-1", file=en, response_format="srt")
        expect(r.startswith("1\n") and " --> " in r, f"srt {r[:80]!r}")
        return r.splitlines()[1]

    @check("vtt")
    def vtt_format():
        r = client.audio.transcriptions.create(model="whisper-1", file=en, response_format="vtt")
        expect(r.startswith("WEBVTT") and " --> " in r, f"vtt {r[:80]!r}")
        return r.splitlines()[2] if len(r.splitlines()) > 2 else r

    @check("verbose_json with words and segments")
    def verbose_words_segments():
        r = client.audio.transcriptions.create(
            model="whisper-1", file=en, response_format="verbose_json",
            timestamp_granularities=["word", "segment"])
        expect(r.segments and len(r.segments) >= 1, "no segments")
        expect(r.words and len(r.words) >= 5, f"words {r.words}")
        for w in r.words:
            expect(0 <= w.start <= w.end <= r.duration + 0.01, f"word {w}")
        starts = [w.start for w in r.words]
        expect(starts == sorted(starts), "words out of order")
        expect(overlap(a.english_text, " ".join(w.word for w in r.words)) >= 0.6, "words do not match the text")
        return f"{len(r.segments)} segments, {len(r.words)} words, first {r.words[0].word!r} {r.words[0].start}-{r.words[0].end}"

    @check("verbose_json with words only")
    def verbose_words_only():
        r = client.audio.transcriptions.create(
            model="whisper-1", file=en, response_format="verbose_json", timestamp_granularities=["word"])
        expect(r.words, "no words")
        expect(getattr(r, "segments", None) is None, "segments given though only words were asked")
        return f"{len(r.words)} words"

    @check("long prompt is an initial prompt, not hotwords")
    def long_prompt():
        prompt = ("This is a reading from a book about the history of printing, the arts and crafts, "
                  "and the exhibition where they were shown; the speaker reads slowly. ") * 8
        r = client.audio.transcriptions.create(model="whisper-1", file=en, prompt=prompt)
        expect(overlap(a.english_text, r.text) >= 0.6, f"text {r.text!r}")
        return f"{len(prompt)} characters accepted"

    @check("chunking_strategy auto and stream=false accepted")
    def chunking_auto():
        r = client.audio.transcriptions.create(
            model="whisper-1", file=en, chunking_strategy="auto", stream=False)
        expect(r.text, "empty text")
        r = client.audio.transcriptions.create(
            model="whisper-1", file=en, chunking_strategy={"type": "server_vad", "threshold": 0.5})
        expect(r.text, "empty text")
        return "ok"

    @check("translation")
    def translation():
        r = client.audio.translations.create(model=a.multilingual_model, file=zh)
        latin = sum(c.isascii() for c in r.text) / max(1, len(r.text))
        expect(r.text.strip() and latin > 0.9, f"not English text: {r.text!r}")
        return r.text

    @check("translation verbose_json")
    def translation_verbose():
        r = client.audio.translations.create(model=a.multilingual_model, file=zh, response_format="verbose_json")
        expect(r.segments and r.text.strip(), f"{r}")
        expect(getattr(r, "task", "translate") == "translate", f"task {getattr(r, 'task', None)}")
        return f"{len(r.segments)} segments: {r.text!r}"

    @check("translation with an English-only model is a 400")
    def translation_english_only():
        e = openai_error(lambda: client.audio.translations.create(model=a.english_model, file=zh), 400)
        expect("English only" in e.body["message"], e.body["message"])
        return e.body["message"]

    @check("language auto-per-window reports each segment's language")
    def per_window():
        r = client.audio.transcriptions.create(
            model=a.multilingual_model, file=zh, language="auto-per-window", response_format="verbose_json")
        langs = [getattr(s, "language", None) or (s.model_extra or {}).get("language") for s in r.segments]
        expect(langs and all(l == "zh" for l in langs), f"segment languages {langs}")
        return f"{langs}"

    @check("diarized_json has segments with speakers")
    def diarized():
        r = client.audio.transcriptions.create(
            model="gpt-4o-transcribe-diarize", file=a.meeting, response_format="diarized_json",
            chunking_strategy="auto")
        # the client parses it as its own TranscriptionDiarized model
        expect(type(r).__name__ == "TranscriptionDiarized", f"parsed as {type(r).__name__}")
        expect(r.task == "transcribe" and r.text.strip(), f"task {r.task!r}, text {r.text!r}")
        expect(r.duration > a.meeting_change, f"duration {r.duration}")
        expect(r.segments, "no segments")
        for s in r.segments:
            expect(s.type == "transcript.text.segment", f"segment type {s.type!r}")
            expect(isinstance(s.id, str) and s.id, f"segment id {s.id!r}")
            expect(0 <= s.start <= s.end <= r.duration + 0.01, f"segment {s}")
            expect(re.fullmatch(r"[A-Z]+", s.speaker or ""), f"speaker {s.speaker!r}")
            # a segment split where the speaker changes keeps the spaces between its words
            expect(not re.search(r"[A-Za-z,.']{25,}", s.text), f"words run together: {s.text!r}")
        # the first voice is A, the voice after the change B: judged by each segment's midpoint,
        # weighted by its length, at least 90 % of the speech on the right speaker
        right = total = 0.0
        for s in r.segments:
            expected = "A" if (s.start + s.end) / 2 < a.meeting_change else "B"
            total += s.end - s.start
            right += (s.end - s.start) if s.speaker == expected else 0
        expect(total > 0 and right / total >= 0.9, f"{right:.1f} of {total:.1f} s on the right speaker: "
               + "; ".join(f"{s.speaker} {s.start:.1f}-{s.end:.1f}" for s in r.segments))
        expect({s.speaker for s in r.segments} == {"A", "B"}, f"speakers {sorted({s.speaker for s in r.segments})}")
        expect(r.usage is not None and r.usage.type == "duration" and r.usage.seconds == r.duration, f"usage {r.usage}")
        return f"{len(r.segments)} segments: " + ", ".join(f"{s.speaker} {s.start:.1f}-{s.end:.1f}" for s in r.segments)

    @check("known_speaker_names is refused")
    def known_speakers_refused():
        e = openai_error(lambda: client.audio.transcriptions.create(
            model="gpt-4o-transcribe-diarize", file=en, response_format="diarized_json",
            known_speaker_names=["agent"], known_speaker_references=["data:audio/wav;base64,UklGRg=="]), 400)
        expect(e.body["param"] in ("known_speaker_names", "known_speaker_references")
               and "not supported" in e.body["message"], e.body)
        return e.body["message"]

    @check("error shape, a bad response_format names its param")
    def error_shape():
        e = openai_error(lambda: client.audio.transcriptions.create(
            model="whisper-1", file=en, response_format="docx"), 400)
        expect(e.body["param"] == "response_format", f"param {e.body['param']}")
        expect(e.body["type"] == "invalid_request_error", f"type {e.body['type']}")
        expect("Error code: 400" in str(e) and "response_format" in str(e), str(e))
        return e.body["message"]

    @check("stream=true is refused")
    def stream_refused():
        e = openai_error(lambda: client.audio.transcriptions.create(model="whisper-1", file=en, stream=True), 400)
        expect("not supported" in e.body["message"] and e.body["param"] == "stream", e.body)
        return e.body["message"]

    @check("include logprobs is refused")
    def include_refused():
        e = openai_error(lambda: client.audio.transcriptions.create(
            model="whisper-1", file=en, include=["logprobs"]), 400)
        expect(e.body["param"] == "include", e.body)
        return e.body["message"]

    @check("an undecodable upload is named by its filename")
    def bad_upload():
        with tempfile.TemporaryDirectory() as d:
            bad = Path(d) / "meeting-notes.wav"
            bad.write_bytes(b"this is not audio at all, just text " * 50)
            e = openai_error(lambda: client.audio.transcriptions.create(model="whisper-1", file=bad), 400)
        message = e.body["message"]
        expect("meeting-notes.wav" in message and "greenscribe-sync" not in message, message)
        return message

    @check("a wrong API key is a 401 in the same shape")
    def wrong_key():
        other = OpenAI(base_url=a.base_url, api_key="gs_not_a_key", max_retries=0, timeout=60)
        e = openai_error(lambda: other.audio.transcriptions.create(model="whisper-1", file=en), 401)
        expect(isinstance(e, openai.AuthenticationError), type(e).__name__)
        return e.body["message"]

    for fn in (json_format, text_format, srt_format, vtt_format, verbose_words_segments, verbose_words_only,
               long_prompt, chunking_auto, translation, translation_verbose, translation_english_only,
               per_window, known_speakers_refused, error_shape, stream_refused, include_refused, bad_upload,
               wrong_key):
        fn()
    if a.meeting:
        diarized()

    a.results.parent.mkdir(parents=True, exist_ok=True)
    a.results.write_text(json.dumps({"openai": openai.__version__, "checks": RESULTS}, indent=2, ensure_ascii=False))
    failed = [r["name"] for r in RESULTS if not r["ok"]]
    print(f"{len(RESULTS) - len(failed)} passed, {len(failed)} failed", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

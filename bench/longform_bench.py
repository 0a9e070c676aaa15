#!/usr/bin/env python3
"""Long-form benchmark: does every utterance of a long recording come back, and how much audio is read?

Builds, from ../shared/data/speech clips, long recordings whose utterance boundaries are known
(seeded; written to a temporary folder, or --audio-dir, never to the repository):

  en   every en-short clip, shuffled, repeated until >= 20 minutes, 0.5-4 s pauses between
       utterances (uniform), over a -60 dBFS Gaussian noise floor (a quiet room, not digital zero)
  zh   the zh-short clips the same way, 8 rounds (about 4 minutes), read with whisper-base

and adds the long-form dev files that have known speech regions (speech_segments.tsv). Then runs,
in one invocation, one subprocess per system and model (so load time and peak RSS are per system):

  greenscribe         bin/greenscribe transcribe with its defaults (Silero VAD, temperature fallback)
  greenscribe-novad   the same with --vad none (whole audio, cut at quiet moments near 30 s)
  fw                  faster-whisper 1.2.1 on the same weights, cpu float32, cpu_threads=N,
                      beam_size=1, temperature fallback 0,0.2,...,1 (as GreenScribe), no VAD
  fw-vad              the same with vad_filter=True (its Silero VAD, default VadOptions)
  fw-<type>           fw at another compute type (int8, float16, int8_float16, ...); with --device cuda
                      both faster-whisper and GreenScribe (--device cuda:0) run on the GPU (bench/gpu.sh)

Per file and system: WER (CER for zh) after normalize.py, deletions, per-utterance recall
(utterances whose reference words came back as hits for < 50 %: "lost"), decoded fraction of the
audio, decoded seconds over true speech seconds, speech recall (share of true speech inside what
the recognizer read), throughput (audio seconds per wall second of the whole subprocess, model
load included, and of transcription alone) and peak RSS.

    flock /tmp/gs-heavy.lock bench/.venv/bin/python bench/longform_bench.py --threads 2

Results: bench/results/longform-<timestamp>.{md,json}.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import os
import random
import shlex
import sys
import tempfile
import time
import wave
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

import normalize as norm  # noqa: E402
from asr_bench import emit, machine_info, parse_jsonl, run_measured  # noqa: E402

DATA = REPO_ROOT / ".." / "shared" / "data" / "speech"
RATE = 16_000
FALLBACK = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
DEV_FILES = {"en": ["mfa_michaelandsickmichael_mono.flac", "picovoice_diarization_test.wav", "concat_dev_en.flac",
                    "concat_dev_en_sparse.flac"],
             "zh": ["concat_dev_zh.flac"]}
MODELS = {"en": "whisper-tiny.en", "zh": "whisper-base"}


# ============================================================================ faster-whisper worker (subprocess)

def fw_worker(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="longform_bench.py _fw-worker")
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--threads", type=int, required=True)
    ap.add_argument("--vad", type=int, default=0)
    ap.add_argument("--language")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--compute-type", default="float32")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args(argv)
    import resource

    from faster_whisper import WhisperModel, decode_audio
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    t0 = time.perf_counter()
    model = WhisperModel(a.model_dir, device=a.device, compute_type=a.compute_type, cpu_threads=a.threads,
                         num_workers=1)
    emit({"event": "load", "seconds": time.perf_counter() - t0})
    for path in a.files:
        t = time.perf_counter()
        segments, info = model.transcribe(path, beam_size=1, language=a.language, vad_filter=bool(a.vad),
                                          temperature=FALLBACK)
        segs = [{"start": s.start, "end": s.end, "text": s.text} for s in segments]
        wall = time.perf_counter() - t
        dur = float(info.duration)
        if a.vad:
            # the chunks transcribe() read: the same call with the same (default) options, not timed
            audio = decode_audio(path, sampling_rate=RATE)
            spans = [[c["start"] / RATE, c["end"] / RATE] for c in get_speech_timestamps(audio, VadOptions())]
        else:
            spans = [[0.0, dur]]
        emit({"file": path, "language": info.language, "text": " ".join(s["text"].strip() for s in segs),
              "segments": segs, "audio_seconds": dur, "speech_seconds": sum(e - s for s, e in spans),
              "decoded_spans": spans, "wall_seconds": wall})
    emit({"event": "done", "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})
    return 0


# ============================================================================ building the recordings

def manifest(set_name: str) -> list[dict]:
    with open(DATA / set_name / "manifest.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def build(language: str, out_dir: Path, seed: int, min_seconds: float, rounds: int | None) -> dict:
    """One long recording of shuffled clips with 0.5-4 s pauses; returns its utterances and spans."""
    import numpy as np
    from faster_whisper import decode_audio

    rows = [r for r in manifest("en-short" if language == "en" else "zh-short") if r["reference"].strip()]
    clips = {r["file"]: decode_audio(str(DATA / ("en-short" if language == "en" else "zh-short") / r["file"]),
                                     sampling_rate=RATE) for r in rows}
    rng = random.Random(seed)
    parts, utterances, at, round_no = [], [], 0, 0
    while (rounds is None and at / RATE < min_seconds) or (rounds is not None and round_no < rounds):
        order = rows[:]
        rng.shuffle(order)
        for r in order:
            pause = int(rng.uniform(0.5, 4.0) * RATE)
            parts.append(np.zeros(pause, dtype=np.float32))
            at += pause
            clip = clips[r["file"]]
            utterances.append({"index": len(utterances), "clip": r["file"], "start": at / RATE,
                               "end": (at + len(clip)) / RATE, "reference": r["reference"].strip()})
            parts.append(clip.astype(np.float32))
            at += len(clip)
        round_no += 1
    parts.append(np.zeros(RATE, dtype=np.float32))
    audio = np.concatenate(parts)
    audio = audio + np.random.default_rng(seed).normal(0, 0.001, audio.shape).astype(np.float32)
    path = out_dir / f"longform_{language}_seed{seed}.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
    return {"path": str(path), "name": path.name, "language": language, "duration": len(audio) / RATE,
            "utterances": utterances, "truth": [[u["start"], u["end"]] for u in utterances],
            "reference": " ".join(u["reference"] for u in utterances)}


def dev_files(language: str) -> list[dict]:
    rows = {r["file"]: r for r in manifest("long-form")}
    truth: dict[str, list] = {}
    with open(DATA / "long-form" / "speech_segments.tsv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            truth.setdefault(r["file"], []).append([float(r["start_seconds"]), float(r["end_seconds"])])
    out = []
    for name in DEV_FILES[language]:
        r = rows["audio/" + name]
        out.append({"path": str((DATA / "long-form" / r["file"]).resolve()), "name": name, "language": language,
                    "duration": float(r["duration_seconds"]), "utterances": None,
                    "truth": truth.get(r["file"]), "reference": r["reference"].strip()})
    return out


# ============================================================================ scoring

def units(text: str, language: str) -> list[str]:
    return norm.units(norm.normalize(text, language), language)


def score(item: dict, hyp: dict) -> dict:
    import jiwer

    lang = item["language"]
    if item["utterances"]:
        ref_units, owner = [], []
        for u in item["utterances"]:
            w = units(u["reference"], lang)
            ref_units += w
            owner += [u["index"]] * len(w)
    else:
        ref_units, owner = units(item["reference"], lang), []
    hyp_units = units(hyp.get("text", ""), lang)
    out = {"metric": norm.metric_for(lang), "ref_units": len(ref_units)}
    if not ref_units:
        return out
    o = jiwer.process_words(" ".join(ref_units), " ".join(hyp_units) or "<empty>")
    out.update({"errors": o.substitutions + o.deletions + o.insertions, "deletions": o.deletions,
                "substitutions": o.substitutions, "insertions": o.insertions,
                "rate": (o.substitutions + o.deletions + o.insertions) / len(ref_units)})
    if owner:
        hits = [0] * len(ref_units)
        for chunk in o.alignments[0]:
            if chunk.type == "equal":
                for i in range(chunk.ref_start_idx, chunk.ref_end_idx):
                    hits[i] = 1
        per = {}
        for i, u in enumerate(owner):
            h, n = per.get(u, (0, 0))
            per[u] = (h + hits[i], n + 1)
        recall = {u: h / n for u, (h, n) in per.items()}
        out["utterance_recall"] = recall
        out["lost"] = sorted(u for u, r in recall.items() if r < 0.5)
    spans = hyp.get("decoded_spans")
    if item["truth"] and spans is not None:
        truth_s = sum(e - s for s, e in item["truth"])
        inside = sum(max(0.0, min(e, te) - max(s, ts)) for s, e in spans for ts, te in item["truth"])
        decoded = sum(e - s for s, e in spans)
        out.update({"speech_recall": inside / truth_s, "decoded_over_true": decoded / truth_s})
    audio = float(hyp.get("audio_seconds") or item["duration"])
    out["decoded_fraction"] = float(hyp.get("speech_seconds") or audio) / audio
    return out


# ============================================================================ systems

def run_fw(vad: bool, language: str, items: list[dict], args, compute_type: str = "float32") -> dict:
    model_dir = str((REPO_ROOT / "models" / MODELS[language]).resolve())
    cmd = [sys.executable, str(Path(__file__).resolve()), "_fw-worker", "--model-dir", model_dir,
           "--threads", str(args.threads), "--vad", str(int(vad)), "--language", language,
           "--device", args.device, "--compute-type", compute_type] + [it["path"] for it in items]
    run = run_measured(cmd, REPO_ROOT, dict(os.environ, OMP_NUM_THREADS=str(args.threads)), args.timeout)
    events = parse_jsonl(run["stdout"])
    return finish(run, events, items, shlex.join(cmd[:len(cmd) - len(items)]).replace(str(REPO_ROOT) + "/", "") + " FILE...")


def run_gs(extra: list[str], language: str, items: list[dict], args) -> dict:
    base = ["bin/greenscribe", "transcribe", "--model", MODELS[language], "--threads", str(args.threads),
            "--format", "jsonl"] + (["--language", language] if language != "en" else []) + extra
    if args.device != "cpu":
        base += ["--device", "cuda:0" if args.device == "cuda" else args.device]
    run = run_measured(base + [it["path"] for it in items], REPO_ROOT, dict(os.environ), args.timeout)
    return finish(run, parse_jsonl(run["stdout"]), items, shlex.join(base) + " FILE...")


def finish(run: dict, events: list[dict], items: list[dict], command: str) -> dict:
    by_real = {os.path.realpath(it["path"]): it["path"] for it in items}
    hyps = {by_real.get(os.path.realpath(e["file"]), e["file"]): e for e in events if "file" in e}
    ok = run["rc"] == 0 and len(hyps) == len(items)
    return {"status": "ok" if ok else f"failed (rc {run['rc']}): {run['stderr'].strip()[-600:]}", "command": command,
            "hyps": hyps, "wall_seconds": run["wall_seconds"],
            "transcribe_seconds": sum(float(h.get("wall_seconds") or 0) for h in hyps.values()),
            "peak_rss_mb": max(run["peak_rss_bytes_wait4"], run["peak_rss_bytes_polled"]) / 2 ** 20,
            "background_cpu_share": run.get("background_cpu_share")}


SYSTEMS = {
    "greenscribe": lambda lang, items, args: run_gs([], lang, items, args),
    "greenscribe-novad": lambda lang, items, args: run_gs(["--vad", "none"], lang, items, args),
    "fw": lambda lang, items, args: run_fw(False, lang, items, args),
    "fw-vad": lambda lang, items, args: run_fw(True, lang, items, args),
}
# faster-whisper at other compute types, e.g. on a GPU: --systems fw-float16,fw-int8_float16 --device cuda
FW_COMPUTE = ("int8", "int8_float32", "int8_float16", "int8_bfloat16", "float16", "bfloat16")
SYSTEMS.update({f"fw-{ct}": (lambda ct: lambda lang, items, args: run_fw(False, lang, items, args, ct))(ct)
                for ct in FW_COMPUTE})


# ============================================================================ report

def f3(v):
    return "–" if v is None else f"{v:.3f}"


def pct(v):
    return "–" if v is None else f"{100 * v:.1f} %"


def report(results: dict, items_by_lang: dict, args, started: str) -> str:
    lines = [f"# Long-form benchmark ({started})", "",
             f"Command: `flock /tmp/gs-heavy.lock bench/.venv/bin/python bench/longform_bench.py "
             f"{shlex.join(sys.argv[1:])}`", "",
             f"Machine: {json.dumps(machine_info())}", ""]
    for lang, items in items_by_lang.items():
        lines += [f"## {lang} ({MODELS[lang]})", ""]
        for name, r in results[lang].items():
            lines.append(f"- {name}: {r['status']}; `{r['command']}`")
        lines.append("")
        lines += ["| file | system | " + ("CER" if lang == "zh" else "WER") + " | deletions | lost utterances | "
                  "decoded fraction | decoded / true speech | speech recall |", "|---|---|---:|---:|---:|---:|---:|---:|"]
        for it in items:
            for name, r in results[lang].items():
                s = r["scores"].get(it["path"], {})
                lost = s.get("lost")
                lost_txt = "–" if lost is None else f"{len(lost)} / {len(it['utterances'])}"
                lines.append(f"| {it['name']} ({it['duration']:.0f} s) | {name} | {pct(s.get('rate'))} | "
                             f"{s.get('deletions', '–')} | {lost_txt} | {f3(s.get('decoded_fraction'))} | "
                             f"{f3(s.get('decoded_over_true'))} | {f3(s.get('speech_recall'))} |")
        lines += ["", "| system | audio s / wall s (whole process) | audio s / transcription s | peak RSS MiB | "
                  "background CPU share |", "|---|---:|---:|---:|---:|"]
        audio = sum(it["duration"] for it in items)
        for name, r in results[lang].items():
            lines.append(f"| {name} | {audio / r['wall_seconds']:.1f} | "
                         f"{(audio / r['transcribe_seconds']) if r['transcribe_seconds'] else 0:.1f} | "
                         f"{r['peak_rss_mb']:.0f} | {f3(r.get('background_cpu_share'))} |")
        lines.append("")
        built = [it for it in items if it["utterances"]]
        for it in built:
            fw_best = min((n for n in results[lang] if n.startswith("fw")),
                          key=lambda n: results[lang][n]["scores"].get(it["path"], {}).get("rate", 9))
            fw_got = {u for u, v in results[lang][fw_best]["scores"].get(it["path"], {})
                      .get("utterance_recall", {}).items() if v >= 0.5}
            for name, r in results[lang].items():
                s = r["scores"].get(it["path"], {})
                rec = s.get("utterance_recall") or {}
                if not rec:
                    continue
                worst = sorted(rec.items(), key=lambda kv: kv[1])[:5]
                lost_vs_fw = [u for u in s.get("lost", []) if u in fw_got]
                lines.append(f"- {it['name']} {name}: mean utterance recall {sum(rec.values()) / len(rec):.3f}, "
                             f"worst {', '.join(f'#{u} {v:.2f}' for u, v in worst)}; lost that {fw_best} got: "
                             f"{lost_vs_fw or 'none'}")
                for u in s.get("lost", [])[:12]:
                    utt = it["utterances"][u]
                    lines.append(f"    - #{u} {utt['start']:.1f}-{utt['end']:.1f} s {utt['clip']}: "
                                 f"{utt['reference'][:70]}")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_fw-worker":
        return fw_worker(sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--languages", default="en,zh")
    ap.add_argument("--systems", default="greenscribe,greenscribe-novad,fw,fw-vad",
                    help=f"subset of {','.join(SYSTEMS)}")
    ap.add_argument("--min-minutes", type=float, default=20)
    ap.add_argument("--zh-rounds", type=int, default=8)
    ap.add_argument("--no-dev", action="store_true", help="only the built recordings")
    ap.add_argument("--audio-dir", help="where to write the built recordings (default: a temporary folder)")
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--device", default="cpu", help="cpu or cuda: faster-whisper's device and GreenScribe's --device")
    ap.add_argument("--out-dir", type=Path, default=BENCH_DIR / "results")
    args = ap.parse_args()
    started = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    tmp = tempfile.TemporaryDirectory(prefix="gs-longform-")
    out_dir = Path(args.audio_dir) if args.audio_dir else Path(tmp.name)
    out_dir.mkdir(parents=True, exist_ok=True)
    items_by_lang, results = {}, {}
    for lang in args.languages.split(","):
        built = build(lang, out_dir, args.seed, args.min_minutes * 60 if lang == "en" else 0,
                      None if lang == "en" else args.zh_rounds)
        items = [built] + ([] if args.no_dev else dev_files(lang))
        items_by_lang[lang] = items
        results[lang] = {}
        for name in args.systems.split(","):
            print(f"[{lang}] {name} on {len(items)} files ({sum(i['duration'] for i in items):.0f} s)", flush=True)
            r = SYSTEMS[name](lang, items, args)
            r["scores"] = {it["path"]: score(it, r["hyps"][it["path"]]) for it in items if it["path"] in r["hyps"]}
            results[lang][name] = r
            print(f"    {r['status'][:200]}; wall {r['wall_seconds']:.0f} s, peak {r['peak_rss_mb']:.0f} MiB", flush=True)
    stamp = started.replace(":", "").replace("-", "")
    res_dir = args.out_dir
    res_dir.mkdir(parents=True, exist_ok=True)
    md = report(results, items_by_lang, args, started)
    (res_dir / f"longform-{stamp}.md").write_text(md, encoding="utf-8")
    for lang in results:
        for r in results[lang].values():
            for h in r["hyps"].values():
                h.pop("segments", None)
    (res_dir / f"longform-{stamp}.json").write_text(json.dumps(
        {"started": started, "args": vars(args), "items": items_by_lang, "results": results}, ensure_ascii=False,
        indent=1, default=str), encoding="utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())

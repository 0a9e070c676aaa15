#!/usr/bin/env python3
"""ASR benchmark: GreenScribe vs faster-whisper on the shared speech test sets.

Every system runs in its own subprocess per (model, set), so model load time and
peak resident memory are measured per system:

  fw-float32, fw-int8            faster-whisper 1.2.1 (CTranslate2) on the SAME
  fw-float32-vad, fw-int8-vad    weights directory GreenScribe reads
                                 (models/<model>), device cpu, cpu_threads=N,
                                 beam_size=1, temperature 0 (pure greedy, no
                                 fallback), with / without its Silero VAD filter.
  greenscribe-greedy             the same, with --vad none --temperatures 0: decoding
                                 exactly like the faster-whisper rows above.
  greenscribe                    the GreenScribe CLI (``--greenscribe-cmd``), which
                                 prints one JSON object per file per line:
                                 {"file","language","text","audio_seconds",
                                  "speech_seconds","vad_skipped_fraction","wall_seconds"}.
                                 If it is missing or fails, it is reported as 'not run'.

Metrics per set and per source (sources.tsv ``source_repo``): WER (CER for zh/ja)
after ``normalize.py`` on both sides, real-time factor (transcription wall / audio,
model load excluded), audio seconds per wall second end-to-end (whole subprocess,
incl. interpreter/JVM start and model load; the load is also given separately),
peak RSS (``wait4`` ru_maxrss of the subprocess, cross-checked by psutil polling of
its process tree), and the fraction of audio the VAD skipped.

Results go to bench/results/asr-<timestamp>.{md,json}.  Run with bench/.venv
(see bench/setup.sh):

    bench/.venv/bin/python bench/asr_bench.py --sets en-short,long-form --models whisper-tiny.en
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

import normalize as norm  # noqa: E402

DEFAULT_DATA = (REPO_ROOT / ".." / "shared" / "data" / "speech")
DEFAULT_SETS = ["en-short", "long-form", "zh-short", "multi-short"]
DEFAULT_MODELS = ["whisper-tiny.en", "whisper-base"]
FW_SYSTEMS = {
    "fw-float32": ("float32", False),
    "fw-int8": ("int8", False),
    "fw-float32-vad": ("float32", True),
    "fw-int8-vad": ("int8", True),
}
ALL_SYSTEMS = list(FW_SYSTEMS) + ["greenscribe", "greenscribe-greedy"]
# GreenScribe decoding exactly like the peer (no VAD, greedy, no temperature fallback), so both
# GreenScribe rows can sit beside the peers in one run.
GS_GREEDY_ARGS = ["--vad", "none", "--temperatures", "0"]
DEFAULT_GS_CMD = ("bin/greenscribe transcribe --model {model} --threads {threads} "
                  "--batch-size {batch_size} --format jsonl")


# ============================================================================ worker (runs in the subprocess)

def fw_worker(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="asr_bench.py _fw-worker")
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--compute-type", required=True)
    ap.add_argument("--threads", type=int, required=True)
    ap.add_argument("--vad", type=int, default=0)
    ap.add_argument("--temperature-fallback", type=int, default=0)
    ap.add_argument("--jobs", required=True, help="JSON file: [{path, language}]")
    a = ap.parse_args(argv)
    import resource

    from faster_whisper import WhisperModel

    jobs = json.loads(Path(a.jobs).read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    model = WhisperModel(a.model_dir, device="cpu", compute_type=a.compute_type,
                         cpu_threads=a.threads, num_workers=1)
    emit({"event": "load", "seconds": time.perf_counter() - t0})
    temperature = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0] if a.temperature_fallback else 0.0
    for job in jobs:
        t = time.perf_counter()
        c = time.process_time()
        segments, info = model.transcribe(job["path"], beam_size=1, language=job.get("language"),
                                          vad_filter=bool(a.vad), temperature=temperature)
        text = " ".join(s.text.strip() for s in segments).strip()
        wall = time.perf_counter() - t
        dur = float(info.duration)
        speech = float(info.duration_after_vad) if a.vad else dur
        emit({"file": job["path"], "language": info.language, "text": text, "audio_seconds": dur,
              "speech_seconds": speech, "vad_skipped_fraction": (1 - speech / dur) if dur else 0.0,
              "wall_seconds": wall, "cpu_seconds": time.process_time() - c})
    emit({"event": "done", "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})
    return 0


def emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


# ============================================================================ measurement

def cpu_busy_seconds() -> float | None:
    """Machine-wide busy CPU seconds so far (all cores) from /proc/stat, or None off Linux."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()[1:]
    except OSError:
        return None
    v = [int(x) for x in fields]
    busy = v[0] + v[1] + v[2] + (v[5] if len(v) > 5 else 0) + (v[6] if len(v) > 6 else 0) + (v[7] if len(v) > 7 else 0)
    return busy / os.sysconf("SC_CLK_TCK")


def wait_for_idle(max_share: float, max_wait: float) -> float | None:
    """Wait (up to max_wait s) until other processes use < max_share of the machine's CPU for 2 s in a row.

    Returns the last measured background share."""
    deadline = time.monotonic() + max_wait
    quiet = 0
    share = None
    while True:
        b0, t0 = cpu_busy_seconds(), time.monotonic()
        time.sleep(1.0)
        b1, t1 = cpu_busy_seconds(), time.monotonic()
        if b0 is None or b1 is None:
            return None
        share = (b1 - b0) / ((t1 - t0) * (os.cpu_count() or 1))
        quiet = quiet + 1 if share < max_share else 0
        if quiet >= 2 or time.monotonic() > deadline:
            return share


def run_measured(cmd: list[str], cwd: Path, env: dict | None, timeout: float) -> dict:
    """Run cmd, return rc, stdout, stderr, wall seconds and peak RSS (bytes) of it and its children."""
    import psutil

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        busy0 = cpu_busy_seconds()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=str(cwd), env=env, stdout=out, stderr=err)
        peak_polled = 0
        stop = threading.Event()

        def poll() -> None:
            nonlocal peak_polled
            try:
                p = psutil.Process(proc.pid)
            except psutil.Error:
                return
            while not stop.is_set():
                try:
                    rss = p.memory_info().rss
                    for c in p.children(recursive=True):
                        try:
                            rss += c.memory_info().rss
                        except psutil.Error:
                            pass
                    peak_polled = max(peak_polled, rss)
                except psutil.Error:
                    return
                stop.wait(0.05)

        th = threading.Thread(target=poll, daemon=True)
        th.start()
        timed_out = False
        deadline = time.monotonic() + timeout
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                timed_out = True
                pid, status, ru = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        wall = time.perf_counter() - t0
        busy1 = cpu_busy_seconds()
        stop.set()
        th.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        cpu = ru.ru_utime + ru.ru_stime
        background = None
        if busy0 is not None and busy1 is not None and wall > 0:
            background = max(0.0, (busy1 - busy0) - cpu) / (wall * (os.cpu_count() or 1))
        return {
            "cpu_seconds": cpu, "background_cpu_share": background,
            "rc": proc.returncode, "timed_out": timed_out, "wall_seconds": wall,
            "stdout": out.read().decode("utf-8", "replace"), "stderr": err.read().decode("utf-8", "replace"),
            "peak_rss_bytes_wait4": ru.ru_maxrss * 1024,  # Linux: KiB
            "peak_rss_bytes_polled": peak_polled,
        }


def parse_jsonl(text: str) -> list[dict]:
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return rows


# ============================================================================ data

def load_set(data_root: Path, name: str, limit: int | None) -> list[dict]:
    d = data_root / name
    with open(d / "manifest.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    sources = {}
    src_path = d / "sources.tsv"
    if src_path.exists():
        with open(src_path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                sources[r["file"]] = r
    items = []
    for r in rows[: limit or None]:
        s = sources.get(r["file"], {})
        items.append({
            "set": name, "file": r["file"], "path": str((d / r["file"]).resolve()),
            "language": (r.get("language") or "").strip(), "duration": float(r["duration_seconds"]),
            "reference": (r.get("reference") or "").strip(),
            "source": s.get("source_repo") or s.get("source") or "unknown",
        })
    return items


def model_info(models_dir: Path, model: str) -> dict:
    mf = REPO_ROOT / "models" / "manifests" / f"{model}.json"
    info = {"multilingual": not model.endswith(".en"), "dir": str((models_dir / model).resolve())}
    if mf.exists():
        v = json.loads(mf.read_text(encoding="utf-8")).get("variant", {})
        info["multilingual"] = bool(v.get("multilingual", info["multilingual"]))
        info["variant"] = v
    return info


# ============================================================================ scoring

def score(items: list[dict], hyps: dict[str, dict]) -> dict:
    """Corpus-level WER/CER over items that have a reference and a hypothesis."""
    import jiwer

    acc = {"wer": [0, 0, 0], "cer": [0, 0, 0]}  # errors, reference units, files
    for it in items:
        h = hyps.get(it["path"])
        if h is None or not it["reference"]:
            continue
        m = norm.metric_for(it["language"])
        ref = norm.units(norm.normalize(it["reference"], it["language"]), it["language"])
        hyp = norm.units(norm.normalize(h.get("text", ""), it["language"]), it["language"])
        if not ref:
            continue
        if hyp:
            o = jiwer.process_words(" ".join(ref), " ".join(hyp))
            errors = o.substitutions + o.deletions + o.insertions
        else:
            errors = len(ref)
        it_res = h.setdefault("_score", {})
        it_res.update({"metric": m, "errors": errors, "ref_units": len(ref)})
        acc[m][0] += errors
        acc[m][1] += len(ref)
        acc[m][2] += 1
    return {m: ({"rate": e / n, "errors": e, "ref_units": n, "files": k} if n else None)
            for m, (e, n, k) in acc.items()}


def summarize(items: list[dict], hyps: dict[str, dict], run: dict | None, load_s: float | None) -> dict:
    done = [it for it in items if it["path"] in hyps]
    audio = sum(it["duration"] for it in done)
    trans = sum(float(hyps[it["path"]].get("wall_seconds") or 0) for it in done)
    speech = 0.0
    for it in done:
        h = hyps[it["path"]]
        if h.get("speech_seconds") is not None:
            speech += float(h["speech_seconds"])
        elif h.get("vad_skipped_fraction") is not None:
            speech += it["duration"] * (1 - float(h["vad_skipped_fraction"]))
        else:
            speech += it["duration"]
    lang_checked = [it for it in done if it["language"]]
    lang_ok = sum(1 for it in lang_checked
                  if (hyps[it["path"]].get("language") or "").split("-")[0] == it["language"])
    s = {
        "files": len(done), "files_expected": len(items), "audio_seconds": audio,
        "transcribe_seconds": trans, "rtf": trans / audio if audio else None,
        "x_realtime": audio / trans if trans else None,
        "vad_skipped_fraction": max(0.0, 1 - speech / audio) if audio else None,
        "language_correct": f"{lang_ok}/{len(lang_checked)}",
        "score": score(items, hyps),
    }
    if run is not None:
        s.update({
            "process_wall_seconds": run["wall_seconds"],
            "load_seconds": load_s,
            "e2e_audio_per_wall": audio / run["wall_seconds"] if run["wall_seconds"] else None,
            "peak_rss_mb": max(run["peak_rss_bytes_wait4"], run["peak_rss_bytes_polled"]) / 2 ** 20,
            "peak_rss_mb_wait4": run["peak_rss_bytes_wait4"] / 2 ** 20,
            "peak_rss_mb_polled": run["peak_rss_bytes_polled"] / 2 ** 20,
            "cpu_seconds": run.get("cpu_seconds"),
            "background_cpu_share": run.get("background_cpu_share"),
        })
    return s


# ============================================================================ systems

def run_fw(system: str, model: str, minfo: dict, items: list[dict], args) -> dict:
    compute_type, vad = FW_SYSTEMS[system]
    def lang(it: dict):
        if not minfo["multilingual"]:
            return "en"
        return (it["language"] or None) if args.language_hint else None

    jobs = [{"path": it["path"], "language": lang(it)} for it in items]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(jobs, f)
        jobs_file = f.name
    cmd = [sys.executable, str(Path(__file__).resolve()), "_fw-worker", "--model-dir", minfo["dir"],
           "--compute-type", compute_type, "--threads", str(args.threads), "--vad", str(int(vad)),
           "--temperature-fallback", str(int(args.temperature_fallback)), "--jobs", jobs_file]
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
    try:
        run = run_measured(cmd, REPO_ROOT, env, args.timeout)
    finally:
        os.unlink(jobs_file)
    events = parse_jsonl(run["stdout"])
    hyps = {e["file"]: e for e in events if "file" in e}
    load = next((e["seconds"] for e in events if e.get("event") == "load"), None)
    status = "ok" if run["rc"] == 0 and len(hyps) == len(items) else (
        "timeout" if run["timed_out"] else f"failed (rc {run['rc']}): {run['stderr'].strip()[-400:]}")
    shown = shlex.join(cmd[:-1] + ["JOBS.json"]).replace(str(REPO_ROOT) + "/", "")
    return {"status": status, "command": shown, "run": run, "hyps": hyps, "load_seconds": load}


def gs_command(args, model: str) -> list[str]:
    return shlex.split(args.greenscribe_cmd.format(model=model, threads=args.threads, batch_size=args.batch_size))


def run_gs(model: str, minfo: dict, items: list[dict], args, extra: list[str] | None = None) -> dict:
    base = gs_command(args, model) + (extra or [])
    if "-jar" in base:
        jar = Path(base[base.index("-jar") + 1])
        jar = jar if jar.is_absolute() else REPO_ROOT / jar
        if not jar.is_file():
            return {"status": f"not run: {jar.relative_to(REPO_ROOT) if jar.is_relative_to(REPO_ROOT) else jar} "
                              "does not exist (build the GreenScribe CLI first)", "command": shlex.join(base)}
    cmd = base + [it["path"] for it in items]
    try:
        run = run_measured(cmd, REPO_ROOT, dict(os.environ), args.timeout)
    except FileNotFoundError as e:
        return {"status": f"not run: {e}", "command": shlex.join(base)}
    by_real = {os.path.realpath(it["path"]): it["path"] for it in items}
    by_name = {}
    for it in items:
        by_name.setdefault(os.path.basename(it["path"]), []).append(it["path"])
    hyps = {}
    for e in parse_jsonl(run["stdout"]):
        f = e.get("file")
        if not f:
            continue
        key = by_real.get(os.path.realpath(f if os.path.isabs(f) else REPO_ROOT / f))
        if key is None and len(by_name.get(os.path.basename(f), [])) == 1:
            key = by_name[os.path.basename(f)][0]
        if key:
            hyps[key] = e
    trans = sum(float(h.get("wall_seconds") or 0) for h in hyps.values())
    load = run["wall_seconds"] - trans if hyps else None  # JVM start + model load + overhead
    if run["rc"] != 0:
        status = f"failed (rc {run['rc']}): {run['stderr'].strip()[-400:]}"
    elif len(hyps) != len(items):
        status = f"incomplete: {len(hyps)}/{len(items)} files in output"
    else:
        status = "ok"
    return {"status": status, "command": shlex.join(base) + " FILE...", "run": run, "hyps": hyps,
            "load_seconds": load}


# ============================================================================ report

def fmt(v, spec=".3f", none="–"):
    if v is None:
        return none
    return format(v, spec)


def pct(v):
    return "–" if v is None else f"{100 * v:.1f}%"


def machine_info() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 2 ** 20, 1)
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "mem_gib": mem, "os": platform.platform(),
            "python": platform.python_version()}


def versions() -> dict:
    v = {}
    for mod in ("faster_whisper", "ctranslate2", "jiwer", "psutil", "onnxruntime", "av"):
        try:
            m = __import__(mod)
            v[mod] = getattr(m, "__version__", "?")
        except Exception:
            v[mod] = None
    try:
        import importlib.metadata as md
        v["jiwer"] = md.version("jiwer")
        v["opencc"] = md.version("opencc")
    except Exception:
        pass
    return v


def render_md(res: dict) -> str:
    L = []
    L.append(f"# ASR benchmark {res['timestamp']}\n")
    L.append(f"Command: `{res['command']}`  ")
    m = res["machine"]
    L.append(f"Machine: {m['cores']} cores ({m['cpu']}), {m['mem_gib']} GiB RAM, {m['os']}, Python {m['python']}  ")
    L.append("Versions: " + ", ".join(f"{k} {v}" for k, v in res["versions"].items() if v) + "  ")
    L.append(f"Settings: threads={res['settings']['threads']}, beam_size=1, temperature "
             f"{'0 with fallback' if res['settings']['temperature_fallback'] else '0 (no fallback)'}, "
             f"language {'hint from manifest' if res['settings']['language_hint'] else 'auto-detected (English-only models: en)'}, "
             f"GreenScribe batch size {res['settings']['batch_size']}; zh t2s conversion: {norm.T2S_AVAILABLE}\n")
    L.append("Columns: WER/CER after `bench/normalize.py` on both sides (corpus-level: errors / reference units); "
             "RTF = transcription wall / audio (model load excluded); ×RT = 1/RTF; load = model load "
             "(GreenScribe: process wall − Σ per-file wall, i.e. JVM start + load); e2e = audio seconds per wall second "
             "of the whole subprocess; CPU s/audio s = user+sys CPU time of the whole subprocess (start, load, transcription) per audio second, which is far less sensitive to other load on the machine than wall time; RSS = peak resident set of the subprocess tree; "
             "VAD skip = audio fraction not decoded; bg load = share of the machine's CPU used by OTHER processes during "
             "the run (timings with a high value are contaminated).\n")
    for model, mres in res["models"].items():
        L.append(f"## {model}\n")
        L.append("| set | system | files | audio s | WER | CER | RTF | ×RT | load s | e2e audio-s/s | CPU s/audio s | peak RSS MiB | VAD skip | lang ok | bg load |")
        L.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for set_name, sres in mres.items():
            if "skipped" in sres:
                L.append(f"| {set_name} | – | – | – | – | – | – | – | – | – | – | – | – | {sres['skipped']} | – |")
                continue
            for system, r in sres["systems"].items():
                if r["status"] != "ok" and "summary" not in r:
                    L.append(f"| {set_name} | {system} | {r['status']} |||||||||||||")
                    continue
                s = r["summary"]
                sc = s["score"]
                L.append("| " + " | ".join([
                    set_name, system + ("" if r["status"] == "ok" else f" ({r['status'][:60]})"),
                    f"{s['files']}", fmt(s["audio_seconds"], ".1f"),
                    pct(sc["wer"]["rate"]) if sc["wer"] else "–", pct(sc["cer"]["rate"]) if sc["cer"] else "–",
                    fmt(s["rtf"], ".3f"), fmt(s["x_realtime"], ".1f"), fmt(s.get("load_seconds"), ".2f"),
                    fmt(s.get("e2e_audio_per_wall"), ".1f"), fmt(s["cpu_seconds"] / s["audio_seconds"] if s.get("cpu_seconds") is not None and s["audio_seconds"] else None, ".3f"),
                    fmt(s.get("peak_rss_mb"), ".0f"), pct(s["vad_skipped_fraction"]), s["language_correct"],
                    pct(s.get("background_cpu_share"))]) + " |")
        # ratios
        L.append("\nRatios GreenScribe / faster-whisper (same weights, same threads); < 1 is better for RTF, RSS and "
                 "error rate, > 1 is better for e2e throughput:\n")
        L.append("| set | GreenScribe / baseline | RTF | e2e audio-s/s | CPU s | peak RSS | WER | CER |")
        L.append("|---|---|---:|---:|---:|---:|---:|---:|")
        for set_name, sres in mres.items():
            if "skipped" in sres:
                continue
            for gs_name, base in (("greenscribe-greedy", "fw-float32"), ("greenscribe-greedy", "fw-int8"),
                                  ("greenscribe", "fw-float32"), ("greenscribe", "fw-float32-vad")):
                gs = sres["systems"].get(gs_name)
                b = sres["systems"].get(base)
                if not b or "summary" not in b or gs is None:
                    continue
                if gs["status"] != "ok":
                    L.append(f"| {set_name} | {gs_name} / {base} | {gs['status']} |||||| ")
                    continue
                g, f = gs["summary"], b["summary"]

                def ratio(a, c):
                    return fmt(a / c, ".2f") if a is not None and c else "–"

                def sr(m):
                    a, c = g["score"][m], f["score"][m]
                    return ratio(a["rate"] if a else None, c["rate"] if c else None)

                L.append(f"| {set_name} | {gs_name} / {base} | {ratio(g['rtf'], f['rtf'])} | "
                         f"{ratio(g.get('e2e_audio_per_wall'), f.get('e2e_audio_per_wall'))} | "
                         f"{ratio(g.get('cpu_seconds'), f.get('cpu_seconds'))} | "
                         f"{ratio(g.get('peak_rss_mb'), f.get('peak_rss_mb'))} | {sr('wer')} | {sr('cer')} |")
        # per source
        L.append("\nPer source (error rate; WER unless marked CER):\n")
        systems = sorted({sy for sres in mres.values() if "systems" in sres for sy in sres["systems"]},
                         key=lambda x: ALL_SYSTEMS.index(x) if x in ALL_SYSTEMS else 99)
        L.append("| set | source | files | audio s | " + " | ".join(systems) + " |")
        L.append("|---|---|---:|---:|" + "---:|" * len(systems))
        for set_name, sres in mres.items():
            for src, row in sres.get("per_source", {}).items():
                cells = []
                for sy in systems:
                    sc = row["systems"].get(sy)
                    if not sc:
                        cells.append("–")
                        continue
                    parts = []
                    if sc.get("wer"):
                        parts.append(pct(sc["wer"]["rate"]))
                    if sc.get("cer"):
                        parts.append("CER " + pct(sc["cer"]["rate"]))
                    cells.append(" / ".join(parts) or "–")
                L.append(f"| {set_name} | {src} | {row['files']} | {row['audio_seconds']:.1f} | " + " | ".join(cells) + " |")
        L.append("")
    L.append("## Subprocess commands (one per model, set and system; JOBS.json lists the set's audio files)\n")
    seen = set()
    for model, mres in res["models"].items():
        for sres in mres.values():
            for system, r in sres.get("systems", {}).items():
                key = (model, system, r.get("command", ""))
                if key not in seen:
                    seen.add(key)
                    L.append(f"- {model} / {system}: `{r.get('command', '')}`")
    return "\n".join(L) + "\n"


# ============================================================================ main

def main(argv: list[str]) -> int:
    if argv and argv[0] == "_fw-worker":
        return fw_worker(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-root", type=Path, default=DEFAULT_DATA, help="folder with the speech sets (default ../shared/data/speech)")
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS))
    ap.add_argument("--models", default=",".join(DEFAULT_MODELS))
    ap.add_argument("--models-dir", type=Path, default=REPO_ROOT / "models")
    ap.add_argument("--systems", default=",".join(ALL_SYSTEMS), help=f"subset of {','.join(ALL_SYSTEMS)}")
    ap.add_argument("--limit", type=int, default=None, help="first N files of each set")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=4, help="GreenScribe --batch-size")
    ap.add_argument("--greenscribe-cmd", default=os.environ.get("GREENSCRIBE_CMD", DEFAULT_GS_CMD),
                    help="command template ({model} {threads} {batch_size}); audio paths are appended. "
                         f"Default: '{DEFAULT_GS_CMD}' (or $GREENSCRIBE_CMD)")
    ap.add_argument("--language-hint", action="store_true",
                    help="give faster-whisper the manifest language for multilingual models (default: auto-detect, like GreenScribe)")
    ap.add_argument("--temperature-fallback", action="store_true",
                    help="faster-whisper temperature fallback 0.0..1.0 (default: pure greedy, temperature 0)")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="before each subprocess wait up to SECONDS for other processes to use < --idle-share of the CPU")
    ap.add_argument("--idle-share", type=float, default=0.15)
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per subprocess")
    ap.add_argument("--out-dir", type=Path, default=BENCH_DIR / "results")
    ap.add_argument("--render", type=Path, metavar="JSON", help="only re-render the .md of an earlier results .json")
    args = ap.parse_args(argv)
    if args.render:
        res = json.loads(args.render.read_text(encoding="utf-8"))
        args.render.with_suffix(".md").write_text(render_md(res), encoding="utf-8")
        print(f"wrote {args.render.with_suffix('.md')}")
        return 0

    sets = [s for s in args.sets.split(",") if s]
    models = [m for m in args.models.split(",") if m]
    systems = [s for s in args.systems.split(",") if s]
    for s in systems:
        if s not in ALL_SYSTEMS:
            ap.error(f"unknown system {s}; choose from {ALL_SYSTEMS}")
    ts = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    res = {"timestamp": ts, "command": shlex.join(["python", "bench/asr_bench.py"] + argv),
           "machine": machine_info(), "versions": versions(),
           "settings": {"threads": args.threads, "batch_size": args.batch_size, "language_hint": args.language_hint,
                        "temperature_fallback": args.temperature_fallback, "greenscribe_cmd": args.greenscribe_cmd,
                        "zh_t2s": norm.T2S_AVAILABLE, "data_root": str(args.data_root.resolve())},
           "models": {}}
    for model in models:
        minfo = model_info(args.models_dir, model)
        if not Path(minfo["dir"], "model.bin").is_file():
            print(f"!! {model}: {minfo['dir']}/model.bin missing (run python3 models/fetch.py {model})", file=sys.stderr)
            return 2
        res["models"][model] = mres = {}
        for set_name in sets:
            items = load_set(args.data_root, set_name, args.limit)
            if not minfo["multilingual"]:
                items = [it for it in items if it["language"] in ("en", "")]
            if not items:
                mres[set_name] = {"skipped": "no files in a language the model supports"}
                print(f"== {model} / {set_name}: skipped (English-only model)", flush=True)
                continue
            sres = mres[set_name] = {"files": len(items), "audio_seconds": sum(i["duration"] for i in items),
                                     "systems": {}}
            for system in systems:
                print(f"== {model} / {set_name} / {system}: {len(items)} files, "
                      f"{sres['audio_seconds']:.1f} s audio ...", end=" ", flush=True)
                if args.wait_idle > 0:
                    share = wait_for_idle(args.idle_share, args.wait_idle)
                    if share is not None and share >= args.idle_share:
                        print(f"(background CPU still {share:.0%}) ", end="", flush=True)
                if system == "greenscribe-greedy":
                    r = run_gs(model, minfo, items, args, GS_GREEDY_ARGS)
                elif system == "greenscribe":
                    r = run_gs(model, minfo, items, args)
                else:
                    r = run_fw(system, model, minfo, items, args)
                if "run" in r and r["hyps"]:
                    r["summary"] = summarize(items, r["hyps"], r["run"], r.get("load_seconds"))
                    s = r["summary"]
                    sc = s["score"]
                    print(f"{r['status']}; RTF {fmt(s['rtf'])}, bg {pct(s.get('background_cpu_share'))}, load {fmt(s.get('load_seconds'), '.2f')} s, "
                          f"RSS {fmt(s.get('peak_rss_mb'), '.0f')} MiB, "
                          f"WER {pct(sc['wer']['rate']) if sc['wer'] else '–'}, CER {pct(sc['cer']['rate']) if sc['cer'] else '–'}",
                          flush=True)
                else:
                    print(r["status"], flush=True)
                sres["systems"][system] = r
            # per source
            per_src = {}
            for it in items:
                per_src.setdefault(it["source"], []).append(it)
            sres["per_source"] = {}
            for src, its in per_src.items():
                row = {"files": len(its), "audio_seconds": sum(i["duration"] for i in its), "systems": {}}
                for system, r in sres["systems"].items():
                    if r.get("hyps"):
                        row["systems"][system] = score(its, r["hyps"])
                sres["per_source"][src] = row
    # strip bulky stdout from JSON, keep per-file hypotheses
    for mres in res["models"].values():
        for sres in mres.values():
            for r in sres.get("systems", {}).values():
                if "run" in r:
                    run = r["run"]
                    r["run"] = {k: v for k, v in run.items() if k not in ("stdout",)}
                    r["run"]["stderr"] = run["stderr"][-2000:]
    args.out_dir.mkdir(parents=True, exist_ok=True)
    base = args.out_dir / f"asr-{ts}"
    base.with_suffix(".json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    base.with_suffix(".md").write_text(render_md(res), encoding="utf-8")
    print(f"wrote {base}.md and {base}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

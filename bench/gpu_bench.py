#!/usr/bin/env python3
"""The short-clip half of bench/gpu.sh, and its one table.

``short``: N short clips (the en-short set, cycled until N jobs) through

  server          target/greenscribe.jar on its embedded PostgreSQL, every job submitted by server path
                  (JSON) at once, wall from the first submission to the last finish; then the model is
                  unloaded and the device cache cleared through the admin console (the same service
                  calls as its buttons), and device memory is read at each step: nvidia-smi (the card,
                  and the server's own process where the driver lists it) on a GPU, VmRSS on the CPU
  fw-<type>       faster-whisper 1.2.1 on the same weights, one subprocess per compute type, the same
                  N clips one after another (beam 1, temperature fallback 0..1, no VAD), device
                  memory after load and at the end; on a GPU after ``del model`` too

``report``: one markdown table from the JSON of ``short`` and of longform_bench.py, plus the
step log of gpu.sh (which steps ran, were SKIPPED or failed, and why).
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import asr_bench as ab  # noqa: E402
import server_bench as sb  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MODEL = "whisper-tiny.en"
ADMIN_PASSWORD = "gs-bench-admin-pw"
FALLBACK = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]


# ============================================================================ device memory

def gpu_memory(pid: int | None = None) -> dict:
    """The card's used/total MiB from nvidia-smi and, where it lists it, pid's own; {} without nvidia-smi."""
    if not shutil.which("nvidia-smi"):
        return {}
    out: dict = {}
    try:
        q = subprocess.run(["nvidia-smi", "--query-gpu=memory.used,memory.total", "--format=csv,noheader,nounits"],
                           capture_output=True, text=True, timeout=20)
        used, total = (int(x) for x in q.stdout.splitlines()[0].split(","))
        out.update({"gpu_used_mib": used, "gpu_total_mib": total})
        if pid is not None:
            a = subprocess.run(["nvidia-smi", "--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits"],
                               capture_output=True, text=True, timeout=20)
            for line in a.stdout.splitlines():
                p, mem = (x.strip() for x in line.split(","))
                if p.isdigit() and int(p) == pid:
                    out["process_mib"] = int(mem)
    except (OSError, ValueError, IndexError, subprocess.TimeoutExpired) as e:
        out["error"] = str(e)
    return out


def rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def postgres_pss_mib(data_dir: Path) -> float | None:
    """Proportional set size (shared buffers counted once) of the PostgreSQL server on data_dir and its
    backends. pg_ctl daemonizes it, so it is found by its -D argument, not as the JVM's child."""
    import psutil

    for proc in psutil.process_iter(["name", "cmdline"]):
        try:
            if (proc.info["name"] or "").startswith("postgres") and str(data_dir) in " ".join(proc.info["cmdline"] or []):
                procs = [proc] + proc.children(recursive=True)
                return sum(p.memory_full_info().pss for p in procs) / 2 ** 20
        except psutil.Error:
            continue
    return None


def memory(pid: int, pg_dir: Path | None = None) -> dict:
    out = dict(gpu_memory(pid), rss_mib=rss_mib(pid))
    if pg_dir is not None:
        out["postgres_pss_mib"] = postgres_pss_mib(pg_dir)
    return out


# ============================================================================ admin console (unload, clear cache)

class Console:
    """Logs in to /admin like a browser (session cookie, CSRF token from each form) and presses buttons."""

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def _csrf(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as r:
            page = r.read().decode("utf-8", "replace")
            if urllib.parse.urlparse(r.geturl()).path != path:
                raise RuntimeError(f"{path} redirected to {r.geturl()} (console login failed?)")
        m = (re.search(r'name="_csrf"\s+value="([^"]+)"', page)
             or re.search(r'name="csrf-token"\s+content="([^"]+)"', page))
        if not m:
            raise RuntimeError(f"no CSRF token on {path}")
        return m.group(1)

    def post(self, form_page: str, path: str, fields: dict) -> int:
        data = urllib.parse.urlencode(dict(fields, _csrf=self._csrf(form_page))).encode()
        with self.opener.open(urllib.request.Request(self.base + path, data=data, method="POST"), timeout=120) as r:
            return r.status

    def login(self) -> None:
        self.post("/admin/login", "/admin/login", {"username": "admin", "password": ADMIN_PASSWORD})
        self._csrf("/admin/device")  # raises if the login did not take (redirected to the login page)


# ============================================================================ server

def run_server(items: list[dict], n: int, data_root: Path, args) -> dict:
    port = sb.free_port()
    work = Path(tempfile.mkdtemp(prefix="gs-gpu-bench-"))
    java = os.environ.get("GS_JAVA", "java")
    cmd = [java, f"-Dai.djl.pytorch.num_threads={args.threads}", "-Dai.djl.offline=true",
           "-jar", str(REPO / "target/greenscribe.jar"),
           f"--server.port={port}", "--server.address=127.0.0.1", f"--greenscribe.security.bootstrap-key={sb.KEY}",
           f"--greenscribe.admin.password={ADMIN_PASSWORD}",
           f"--greenscribe.pipeline.device={'cuda:0' if args.device == 'cuda' else 'cpu'}",
           f"--greenscribe.jobs.allowed-roots={data_root}",
           f"--greenscribe.database.embedded.data-directory={work / 'pg'}",
           f"--greenscribe.pipeline.work-directory={work / 'pcm'}",
           f"--greenscribe.jobs.upload-directory={work / 'uploads'}"] + args.server_arg
    log = open(work / "server.log", "w")
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    stop, rss = threading.Event(), {}
    sampler = threading.Thread(target=sb.peak_rss_sampler, args=(proc.pid, stop, rss), daemon=True)
    sampler.start()
    mem: dict = {}
    try:
        deadline = time.monotonic() + 180
        while not sb.call_ok(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {tail(work / 'server.log')}")
            time.sleep(0.5)
        mem["started (no model)"] = memory(proc.pid, work / "pg")
        jobs = [(it, i) for i, it in zip(range(n), cycle(items))]
        t0 = time.perf_counter()
        ids = {}
        for it, i in jobs:
            rel = os.path.relpath(it["path"], data_root)
            status, body = sb.call(port, "POST", "/api/v1/jobs", {"path": rel, "language": "en", "formats": ["txt"]})
            if status != 202:
                raise RuntimeError(f"submit {rel}: HTTP {status}: {body[:300]}")
            ids[json.loads(body)["id"]] = (it, i)
        submit_s = time.perf_counter() - t0
        while True:
            done = {s: count(port, s) for s in sb.TERMINAL}
            if sum(done.values()) >= len(ids):
                break
            if time.perf_counter() - t0 > args.timeout:
                raise RuntimeError(f"timed out with {sum(done.values())}/{len(ids)} jobs finished")
            time.sleep(0.5)
        wall = time.perf_counter() - t0
        mem["after the jobs (model loaded)"] = memory(proc.pid, work / "pg")
        console = Console(port)
        console.login()
        console.post("/admin/device", "/admin/device/unload", {"name": MODEL})
        mem["after unload"] = memory(proc.pid)
        console.post("/admin/device", "/admin/device/clear-cache", {})
        mem["after clear-cache"] = memory(proc.pid)
        hyps = {}
        for jid, (it, i) in ids.items():
            _, text = sb.call(port, "GET", f"/api/v1/jobs/{jid}/transcript?format=txt")
            hyps[f"{it['path']}#{i}"] = {"text": text}
        return {"wall": wall, "submit_seconds": submit_s, "jobs": len(ids), "failed": done.get("FAILED", 0),
                "cancelled": done.get("CANCELLED", 0), "hyps": hyps, "memory": mem, "command": cmd[:3] + ["..."]}
    finally:
        sb.stop_server(proc, stop, sampler, log)
        mem["peak_rss_mib"] = rss.get("peak_rss_kb", 0) / 1024
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def count(port: int, state: str) -> int:
    status, body = sb.call(port, "GET", f"/api/v1/jobs?state={state}&size=1")
    if status != 200:
        raise RuntimeError(f"list {state}: HTTP {status}: {body[:200]}")
    return int(json.loads(body)["total"])


def cycle(items: list[dict]):
    while True:
        yield from items


def tail(path: Path, n: int = 1500) -> str:
    try:
        return path.read_text(errors="replace")[-n:]
    except OSError:
        return ""


# ============================================================================ faster-whisper

def fw_worker(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="gpu_bench.py _fw-worker")
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--device", required=True)
    ap.add_argument("--compute-type", required=True)
    ap.add_argument("--threads", type=int, required=True)
    ap.add_argument("--jobs", required=True)
    a = ap.parse_args(argv)
    import resource

    from faster_whisper import WhisperModel

    jobs = json.loads(Path(a.jobs).read_text(encoding="utf-8"))
    mem = {"before load": memory(os.getpid())}
    t0 = time.perf_counter()
    model = WhisperModel(a.model_dir, device=a.device, compute_type=a.compute_type, cpu_threads=a.threads,
                         num_workers=1)
    ab.emit({"event": "load", "seconds": time.perf_counter() - t0})
    mem["after load"] = memory(os.getpid())
    t1 = time.perf_counter()
    for job in jobs:
        segments, info = model.transcribe(job["path"], beam_size=1, language="en", temperature=FALLBACK)
        ab.emit({"key": job["key"], "text": " ".join(s.text.strip() for s in segments).strip(),
                 "audio_seconds": float(info.duration)})
    transcribe_s = time.perf_counter() - t1
    mem["after the jobs (model loaded)"] = memory(os.getpid())
    del model
    import gc

    gc.collect()
    mem["after del model"] = memory(os.getpid())
    ab.emit({"event": "done", "transcribe_seconds": transcribe_s, "memory": mem,
             "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})
    return 0


def run_fw(compute_type: str, jobs: list[dict], args) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(jobs, f)
    cmd = [sys.executable, str(Path(__file__).resolve()), "_fw-worker", "--model-dir", str(REPO / "models" / MODEL),
           "--device", args.device, "--compute-type", compute_type, "--threads", str(args.threads), "--jobs", f.name]
    run = ab.run_measured(cmd, REPO, dict(os.environ, OMP_NUM_THREADS=str(args.threads)), args.timeout)
    os.unlink(f.name)
    events = ab.parse_jsonl(run["stdout"])
    done = next((e for e in events if e.get("event") == "done"), {})
    hyps = {e["key"]: e for e in events if "key" in e}
    return {"status": "ok" if run["rc"] == 0 and len(hyps) == len(jobs) else
            f"failed (rc {run['rc']}): {run['stderr'].strip()[-600:]}",
            "wall": run["wall_seconds"], "transcribe_seconds": done.get("transcribe_seconds"),
            "hyps": hyps, "memory": dict(done.get("memory", {}),
                                         peak_rss_mib=max(run["peak_rss_bytes_wait4"], run["peak_rss_bytes_polled"]) / 2 ** 20)}


def short(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="gpu_bench.py short")
    ap.add_argument("--jobs", type=int, default=1000)
    ap.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    ap.add_argument("--compute-types", default="float16,int8_float16")
    ap.add_argument("--systems", default="server,fw")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--server-arg", action="append", default=[])
    ap.add_argument("--data", default=str(REPO.parent / "shared/data/speech"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args(argv)
    data_root = Path(args.data).resolve()
    items = [it for it in ab.load_set(data_root, "en-short", None) if it["language"] == "en"]
    jobs = [dict(it, key=f"{it['path']}#{i}") for i, it in zip(range(args.jobs), cycle(items))]
    scored = [dict(j, path=j["key"]) for j in jobs]
    audio = sum(j["duration"] for j in jobs)
    res = {"jobs": len(jobs), "audio_seconds": audio, "device": args.device, "rows": {}}
    systems = args.systems.split(",")
    if "server" in systems:
        print(f"server: {len(jobs)} jobs, {audio:.0f} s of audio", flush=True)
        try:
            r = run_server(items, args.jobs, data_root, args)
            r["wer"] = ab.score(scored, r.pop("hyps"))["wer"]
            r["status"] = "ok" if not r["failed"] else f"{r['failed']} jobs FAILED"
        except Exception as e:  # noqa: BLE001 - a failed row is reported, the other rows still run
            r = {"status": f"failed: {e}"}
        res["rows"]["greenscribe-server"] = r
        print(f"    {json.dumps({k: v for k, v in r.items() if k != 'command'}, default=str)[:900]}", flush=True)
    if "fw" in systems:
        for ct in args.compute_types.split(","):
            print(f"fw-{ct} ({args.device}): {len(jobs)} clips", flush=True)
            r = run_fw(ct, [{"key": j["key"], "path": j["path"]} for j in jobs], args)
            r["wer"] = ab.score(scored, r.pop("hyps"))["wer"]
            res["rows"][f"fw-{ct}"] = r
            print(f"    {json.dumps(r, default=str)[:900]}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    return 0


# ============================================================================ the one table

def mib(m: dict | None, key: str) -> str:
    if not m:
        return "–"
    v = m.get(key)
    return "–" if v is None else f"{v:.0f}"


def report(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="gpu_bench.py report")
    ap.add_argument("--short", type=Path)
    ap.add_argument("--longform", type=Path)
    ap.add_argument("--steps", type=Path, required=True, help="TSV: step, status, seconds, note")
    ap.add_argument("--header", default="")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    lines = [f"# GPU benchmark ({time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())})", "", a.header, "",
             f"Machine: {json.dumps(ab.machine_info())}", "", "## Steps", "", "| step | status | seconds | note |",
             "|---|---|---:|---|"]
    for line in a.steps.read_text().splitlines():
        parts = (line.split("\t") + ["", "", "", ""])[:4]
        lines.append("| " + " | ".join(p.replace("|", "/") for p in parts) + " |")
    lines += ["", "## Results", "",
              "| benchmark | system | device | audio s | wall s | audio s / wall s | WER | peak RSS MiB | "
              "MiB loaded | MiB after unload / del | MiB after clear-cache | status |",
              "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    if a.short and a.short.exists():
        s = json.loads(a.short.read_text())
        for name, r in s["rows"].items():
            m = r.get("memory") or {}
            wall = r.get("wall")
            wer = (r.get("wer") or {}).get("rate")
            loaded = m.get("after the jobs (model loaded)") or {}
            unloaded = m.get("after unload") or m.get("after del model") or {}
            cleared = m.get("after clear-cache") or {}
            gpu = ("rss_mib" if s["device"] == "cpu" else "process_mib" if "process_mib" in loaded
                   else "gpu_used_mib")
            lines.append(f"| {s['jobs']} short clips | {name} | {s['device']} | {s['audio_seconds']:.0f} | "
                         f"{'–' if wall is None else f'{wall:.1f}'} | "
                         f"{'–' if not wall else format(s['audio_seconds'] / wall, '.1f')} | "
                         f"{'–' if wer is None else f'{100 * wer:.1f} %'} | {mib(m, 'peak_rss_mib')} | "
                         f"{mib(loaded, gpu)} | {mib(unloaded, gpu)} | {mib(cleared, gpu)} | {r.get('status', '')[:120]} |")
    if a.longform and a.longform.exists():
        lf = json.loads(a.longform.read_text())
        for lang, rows in lf["results"].items():
            items = lf["items"][lang]
            audio = sum(it["duration"] for it in items)
            for name, r in rows.items():
                rates = [s.get("rate") for s in r.get("scores", {}).values() if s.get("rate") is not None]
                wer = sum(rates) / len(rates) if rates else None
                lines.append(f"| long-form {lang} ({len(items)} files) | {name} | {lf['args'].get('device', 'cpu')} | "
                             f"{audio:.0f} | {r['wall_seconds']:.1f} | {audio / r['wall_seconds']:.1f} | "
                             f"{'–' if wer is None else f'{100 * wer:.1f} %'} | {r['peak_rss_mb']:.0f} | – | – | – | "
                             f"{r['status'][:120]} |")
    lines += ["", "WER: short clips corpus-level over every job; long-form the mean of the per-file rates. "
              "MiB loaded / after unload / after clear-cache: on cuda GPU memory (the process's own where nvidia-smi "
              "lists it, else the whole card's), on cpu the process's RSS. 'after unload / del': "
              "the server's admin unload, or faster-whisper after `del model`. Memory at every step is in the JSON.", ""]
    if a.short and a.short.exists():
        s = json.loads(a.short.read_text())
        for name, r in s["rows"].items():
            for step, m in (r.get("memory") or {}).items():
                if isinstance(m, dict):
                    lines.append(f"- {name}, {step}: {json.dumps(m)}")
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    cmds = {"_fw-worker": fw_worker, "short": short, "report": report}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        print(__doc__)
        sys.exit(2)
    sys.exit(cmds[sys.argv[1]](sys.argv[2:]))

#!/usr/bin/env python3
"""End-to-end throughput of the GreenScribe *server*: jobs in over REST, transcripts out.

Starts ``target/greenscribe.jar`` on its embedded PostgreSQL (a fresh data directory), submits every
file of the chosen speech sets by server path (JSON), waits until every job has finished, and
reports audio seconds per wall second from the first submission to the last finish, the run time
the server recorded per job, the WER of the transcripts it returns (same normalisation as
``asr_bench.py``) and the server process's peak RSS (JVM; PostgreSQL is a separate process and not
counted). With ``--with-cli`` the GreenScribe command line runs the same files in the same run, so
the two paths can be compared as a ratio.

    bench/.venv/bin/python bench/server_bench.py --sets en-short,long-form --with-cli

Run it on an idle machine: ``bg load`` in the output is the share of the CPU other processes used.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import asr_bench as ab  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
KEY = "gs_bench_server_key"
TERMINAL = {"SUCCEEDED", "FAILED", "CANCELLED"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]



def stop_server(proc, stop, sampler, log):
    """Stops a server started by a benchmark (SIGTERM, then SIGKILL after 30 s), its memory sampler and its log."""
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
    stop.set()
    sampler.join(2)
    log.close()

def call(port: int, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                 headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def peak_rss_sampler(pid: int, stop: threading.Event, out: dict) -> None:
    peak = 0
    while not stop.is_set():
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            break
        stop.wait(0.2)
    out["peak_rss_kb"] = peak


def run_server(items: list[dict], data_root: Path, args) -> dict:
    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="gs-server-bench-"))
    cmd = ["java", f"-Dai.djl.pytorch.num_threads={args.threads}", "-jar", str(REPO / "target/greenscribe.jar"),
           f"--server.port={port}", f"--greenscribe.security.bootstrap-key={KEY}",
           f"--greenscribe.jobs.allowed-roots={data_root}",
           f"--greenscribe.database.embedded.data-directory={work / 'pg'}",
           f"--greenscribe.pipeline.work-directory={work / 'pcm'}",
           f"--greenscribe.jobs.upload-directory={work / 'uploads'}"] + args.server_arg
    log = open(work / "server.log", "w")
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    stop, rss = threading.Event(), {}
    sampler = threading.Thread(target=peak_rss_sampler, args=(proc.pid, stop, rss), daemon=True)
    sampler.start()
    try:
        deadline = time.monotonic() + 180
        while call_ok(port) is False:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start; see {work / 'server.log'}")
            time.sleep(0.5)
        ab.wait_for_idle(0.05, 30)
        busy0, t0 = ab.cpu_busy_seconds(), time.perf_counter()
        ids = {}
        for it in items:
            rel = os.path.relpath(it["path"], data_root)
            status, body = call(port, "POST", "/api/v1/jobs", {"path": rel, "language": "en", "formats": ["txt"]})
            if status != 202:
                raise RuntimeError(f"submit {rel}: HTTP {status}: {body[:300]}")
            ids[json.loads(body)["id"]] = it
        views = {}
        while len(views) < len(ids):
            for jid in ids:
                if jid in views:
                    continue
                status, body = call(port, "GET", f"/api/v1/jobs/{jid}")
                v = json.loads(body)
                if v["status"] in TERMINAL:
                    views[jid] = v
            if time.perf_counter() - t0 > args.timeout:
                raise RuntimeError(f"timed out with {len(views)}/{len(ids)} jobs finished")
            time.sleep(0.2)
        wall = time.perf_counter() - t0
        busy = ab.cpu_busy_seconds() - busy0
        hyps = {}
        for jid, it in ids.items():
            if views[jid]["status"] == "SUCCEEDED":
                _, text = call(port, "GET", f"/api/v1/jobs/{jid}/transcript?format=txt")
                hyps[it["path"]] = {"text": text}
        failed = [views[j].get("error") for j in ids if views[j]["status"] != "SUCCEEDED"]
        own = proc_cpu_seconds(proc.pid)
        return {"wall": wall, "hyps": hyps, "failed": failed, "busy": busy,
                "run_seconds": sum((v.get("timings") or {}).get("runSeconds") or 0 for v in views.values()),
                "server_cpu_after_start": own, "rss": rss, "log": str(work / "server.log")}
    finally:
        stop_server(proc, stop, sampler, log)
        if args.keep:
            print(f"kept {work}", flush=True)
        else:
            shutil.rmtree(work, ignore_errors=True)


def call_ok(port: int) -> bool:
    try:
        return call(port, "GET", "/api/v1/jobs?size=1")[0] == 200
    except OSError:
        return False


def proc_cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="en-short,long-form")
    ap.add_argument("--data", default=str(REPO.parent / "shared/data/speech"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--with-cli", action="store_true", help="also run the CLI on the same files")
    ap.add_argument("--server-arg", action="append", default=[], help="extra --greenscribe.* argument for the server")
    ap.add_argument("--limit", type=int, default=None, help="first N files of each set")
    ap.add_argument("--keep", action="store_true", help="keep the work directory (server log, database)")
    args = ap.parse_args(argv)
    data_root = Path(args.data).resolve()
    items = [it for s in args.sets.split(",") for it in ab.load_set(data_root, s, args.limit) if it["language"] == "en"]
    audio = sum(it["duration"] for it in items)
    print(f"{len(items)} files, {audio:.1f} s of audio; server args {args.server_arg or 'defaults'}", flush=True)
    res = run_server(items, data_root, args)
    wer = ab.score(items, res["hyps"])["wer"]
    bg = max(0.0, (res["busy"] - (res["server_cpu_after_start"] or 0)) / (res["wall"] * os.cpu_count())) if res["busy"] else None
    print(f"server: wall {res['wall']:.1f} s -> {audio / res['wall']:.2f} audio-s/s (RTF {res['wall'] / audio:.3f}); "
          f"sum of job run times {res['run_seconds']:.1f} s; WER {wer['rate'] * 100:.1f}% over {wer['files']} files; "
          f"failed {len(res['failed'])}; peak RSS {res['rss'].get('peak_rss_kb', 0) / 1024:.0f} MiB")
    for f in res["failed"][:5]:
        print("  failed:", f)
    if args.with_cli:
        cli_args = argparse.Namespace(greenscribe_cmd=ab.DEFAULT_GS_CMD, threads=args.threads, batch_size=8,
                                      timeout=args.timeout)
        ab.wait_for_idle(0.05, 30)
        cli = ab.run_gs("whisper-tiny.en", {}, items, cli_args)
        cwer = ab.score(items, cli.get("hyps", {}))["wer"]
        cwall = cli["run"]["wall_seconds"]
        print(f"cli:    wall {cwall:.1f} s (JVM start and model load included) -> {audio / cwall:.2f} audio-s/s; "
              f"WER {cwer['rate'] * 100:.1f}%; peak RSS {cli['run']['peak_rss_bytes_polled'] / 2**20:.0f} MiB; "
              f"status {cli['status']}")
        print(f"server / cli throughput: {cwall / res['wall']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

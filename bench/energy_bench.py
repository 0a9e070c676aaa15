#!/usr/bin/env python3
"""Energy benchmark: GreenScribe's own meter beside CodeCarbon, around the same transcription.

Each run starts one CodeCarbon ``OfflineEmissionsTracker`` (offline: no location or cloud look-up;
a socket guard below refuses any connection that is not to loopback, and the report counts the
attempts), then runs the command-line transcription as a child process:

    bin/greenscribe transcribe --energy --format jsonl FILE...

``--energy`` makes GreenScribe meter the whole command with the server's default meter (RAPL where
readable, else Cloud Carbon Footprint's per-vCPU power model; PUE 1.0) and print one line
``energy: {json}`` to stderr. CodeCarbon, in ``tracking_mode="process"``, tracks this Python process
and its children (the JVM), sampling every ``--measure-secs``. Both figures are reported with the
method each names, and the expected ratio is worked out from the coefficients, so the difference is
explained rather than only shown.

Results go to bench/results/energy-<timestamp>.{md,json}. Run under the heavy-run lock:

    flock /tmp/gs-heavy.lock bench/.venv/bin/python bench/energy_bench.py --runs 3
"""

from __future__ import annotations

import argparse
import datetime as _dt
import ipaddress
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
DEFAULT_FILES = [  # the English long-form set: 246.7 s of audio
    "../shared/data/speech/long-form/audio/concat_dev_en.flac",
    "../shared/data/speech/long-form/audio/mfa_michaelandsickmichael_mono.flac",
    "../shared/data/speech/long-form/audio/picovoice_diarization_test.wav",
]

# --- loopback only: any other connection attempt is refused and counted -------------------------
BLOCKED: list[str] = []
_connect = socket.socket.connect


def _loopback_only(self, address):
    host = address[0] if isinstance(address, tuple) else address
    try:
        ok = isinstance(host, str) and (host == "localhost" or ipaddress.ip_address(host).is_loopback)
    except ValueError:
        ok = False
    if self.family == socket.AF_UNIX:
        ok = True
    if not ok:
        BLOCKED.append(str(address))
        raise OSError(f"energy_bench: connection to {address} refused (loopback only)")
    return _connect(self, address)


socket.socket.connect = _loopback_only


def run_once(cmd: list[str], country: str, measure_secs: float, timeout_s: float) -> dict:
    from codecarbon import OfflineEmissionsTracker

    tracker = OfflineEmissionsTracker(
        country_iso_code=country,
        tracking_mode="process",
        measure_power_secs=measure_secs,
        save_to_file=False,
        log_level="error",
        allow_multiple_runs=True,
    )
    tracker.start()
    t0 = time.monotonic()
    proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout_s)
    wall = time.monotonic() - t0
    tracker.stop()
    d = tracker.final_emissions_data
    ours = None
    for line in proc.stderr.splitlines():
        if line.startswith("energy: "):
            ours = json.loads(line[len("energy: "):])
    if proc.returncode != 0 or ours is None:
        raise SystemExit(f"transcription failed (rc {proc.returncode}):\n{proc.stderr[-3000:]}")
    m = re.search(r"\(([\d.]+) CPU-s over ([\d.]+) s\)", ours["detail"])
    cc_wh = d.energy_consumed * 1000
    cpu_s = float(m.group(1)) if m else None
    return {
        "wall_s": wall,
        "files_transcribed": sum(1 for l in proc.stdout.splitlines() if l.startswith("{")),
        "greenscribe": {**ours, "cpu_seconds": float(m.group(1)) if m else None,
                        "metered_seconds": float(m.group(2)) if m else ours["seconds"]},
        "codecarbon": {
            "energyWh": cc_wh,
            "cpuWh": d.cpu_energy * 1000,
            "ramWh": d.ram_energy * 1000,
            "gpuWh": d.gpu_energy * 1000,
            "cpu_power_w": d.cpu_power,
            "ram_power_w": d.ram_power,
            "duration_s": d.duration,
            "cpu_model": d.cpu_model,
            "cpu_count": d.cpu_count,
            "tracking_mode": d.tracking_mode,
            "emissions_kg": d.emissions,
        },
        "ratio_codecarbon_to_greenscribe": cc_wh / ours["energyWh"] if ours["energyWh"] > 0 else None,
        # CodeCarbon's own model worked from its inputs: process mode charges TDP/threads per busy thread
        # (power = TDP × load / cpu_count) and RAM at its DIMM model (a floor of 2 × 5 W on x86)
        "codecarbon_explained": {
            "ram_wh_floor_model": d.ram_power * d.duration / 3600,
            "cpu_wh_tdp_share": None if cpu_s is None else cpu_s * _tdp_per_thread() / 3600,
        },
    }


def _tdp_per_thread() -> float:
    tdp, _ = codecarbon_tdp()
    return (tdp or 0) / (os.cpu_count() or 1)


def codecarbon_tdp() -> tuple[float | None, str]:
    """The TDP CodeCarbon assumes for this CPU, and how it found it (its own lookup)."""
    try:
        from codecarbon.core.cpu import TDP

        t = TDP()
        return t.tdp, f"{t.model} (codecarbon TDP lookup)"
    except Exception as e:  # noqa: BLE001 - report, never fail the benchmark on this
        return None, f"unknown ({e})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--files", default=",".join(DEFAULT_FILES))
    ap.add_argument("--model", default="whisper-tiny.en")
    ap.add_argument("--country", default="GBR", help="ISO 3166 alpha-3, for CodeCarbon's offline grid factor")
    ap.add_argument("--measure-secs", type=float, default=1.0)
    ap.add_argument("--timeout-s", type=float, default=600)
    ap.add_argument("--greenscribe-cmd", default="bin/greenscribe")
    args = ap.parse_args()
    if args.runs < 1 or args.runs > 10:
        raise SystemExit("--runs must be 1..10")
    files = [f for f in args.files.split(",") if f]
    cmd = [args.greenscribe_cmd, "transcribe", "--energy", "--format", "jsonl", "--model", args.model, *files]

    import codecarbon

    tdp, tdp_how = codecarbon_tdp()
    runs = []
    for i in range(args.runs):
        r = run_once(cmd, args.country, args.measure_secs, args.timeout_s)
        runs.append(r)
        print(f"run {i + 1}: greenscribe {r['greenscribe']['energyWh']:.4f} Wh ({r['greenscribe']['method']}), "
              f"codecarbon {r['codecarbon']['energyWh']:.4f} Wh, ratio {r['ratio_codecarbon_to_greenscribe']:.2f}",
              flush=True)

    ratios = [r["ratio_codecarbon_to_greenscribe"] for r in runs]
    g = runs[-1]["greenscribe"]
    summary = {
        "when": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join(cmd),
        "host": {"cpu": _cpu_model(), "vcpus": os.cpu_count(), "python": platform.python_version()},
        "codecarbon_version": codecarbon.__version__,
        "codecarbon_tdp_w": tdp,
        "codecarbon_tdp_source": tdp_how,
        "blocked_connections": BLOCKED,
        "runs": runs,
        "ratio_mean": statistics.fmean(ratios),
        "ratio_worst": max(ratios, key=lambda x: abs(x - 1)),
        "ratio_min": min(ratios),
        "ratio_max": max(ratios),
    }
    out = BENCH_DIR / "results"
    out.mkdir(exist_ok=True)
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    (out / f"energy-{stamp}.json").write_text(json.dumps(summary, indent=2))
    md = _markdown(summary, g)
    (out / f"energy-{stamp}.md").write_text(md)
    print(md)
    return 0


def _markdown(s: dict, g: dict) -> str:
    rows = ["| run | wall s | GreenScribe Wh (cpu / mem / gpu) | CPU-s | CodeCarbon Wh (cpu / ram / gpu) | "
            "CC CPU W | CC RAM W | CC / GS | CC CPU by hand: TDP/threads × CPU-s | CC RAM by hand: RAM W × s |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for i, r in enumerate(s["runs"], 1):
        gs, cc = r["greenscribe"], r["codecarbon"]
        rows.append(f"| {i} | {r['wall_s']:.1f} | {gs['energyWh']:.4f} ({gs['cpuWh']:.4f} / {gs['memoryWh']:.4f} / "
                    f"{gs['gpuWh']:.4f}) | {gs['cpu_seconds']} | {cc['energyWh']:.4f} ({cc['cpuWh']:.4f} / "
                    f"{cc['ramWh']:.4f} / {cc['gpuWh']:.4f}) | {cc['cpu_power_w']:.2f} | {cc['ram_power_w']:.2f} | "
                    f"{r['ratio_codecarbon_to_greenscribe']:.2f} | "
                    f"{r['codecarbon_explained']['cpu_wh_tdp_share']:.4f} | "
                    f"{r['codecarbon_explained']['ram_wh_floor_model']:.4f} |")
    return "\n".join([
        f"# Energy: GreenScribe meter vs CodeCarbon {s['codecarbon_version']} ({s['when']})",
        "",
        f"Command (each run, as a child of the tracked Python process): `{s['command']}`",
        f"Host: {s['host']['cpu']}, {s['host']['vcpus']} vCPUs. CodeCarbon: OfflineEmissionsTracker, "
        f"tracking_mode=process, TDP {s['codecarbon_tdp_w']} W from {s['codecarbon_tdp_source']}.",
        f"GreenScribe method (last run): {g['method']} — {g['detail']}",
        f"Connections refused by the loopback guard: {len(s['blocked_connections'])}",
        "",
        *rows,
        "",
        f"CodeCarbon / GreenScribe: mean {s['ratio_mean']:.2f}, min {s['ratio_min']:.2f}, max {s['ratio_max']:.2f}, "
        f"worst (farthest from 1) {s['ratio_worst']:.2f}",
        "",
    ])


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    sys.exit(main())

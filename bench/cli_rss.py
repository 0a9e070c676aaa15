#!/usr/bin/env python3
"""Peak RSS of one command-line transcription under JVM / allocator settings, one run each.

    python3 bench/cli_rss.py FILE "default||" "serial|-XX:+UseSerialGC -Xms64m|" "both|-Xmx768m|2"

Each setting is LABEL|JAVA_OPTS|MALLOC_ARENA_MAX (either may be empty). Runs
`bin/greenscribe transcribe --model whisper-tiny.en --threads 2 FILE` once per setting and prints
the child's peak RSS (ru_maxrss from wait4), its user CPU and its wall time. The figures in
docs/memory.md were measured the same way (then by a shell loop that started one Python per
setting around the same call).
"""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    audio, settings = sys.argv[1], sys.argv[2:]
    for setting in settings:
        label, java_opts, arena = (setting.split("|") + ["", ""])[:3]
        env = dict(os.environ, JAVA_OPTS=java_opts)
        env.pop("MALLOC_ARENA_MAX", None)
        if arena:
            env["MALLOC_ARENA_MAX"] = arena
        started = time.time()
        with open(os.devnull, "w") as out:
            proc = subprocess.Popen(
                ["bin/greenscribe", "transcribe", "--model", "whisper-tiny.en", "--threads", "2", audio],
                cwd=ROOT, env=env, stdout=out, stderr=out)
            # wait4: this child's own rusage (RUSAGE_CHILDREN would keep the largest child so far)
            _, status, usage = os.wait4(proc.pid, 0)
        wall = time.time() - started
        print(f"{label}\trc {os.waitstatus_to_exitcode(status)}\tpeak_rss_MiB {usage.ru_maxrss / 1024:.0f}"
              f"\tuser_s {usage.ru_utime:.1f}\twall_s {wall:.1f}"
              f"\tJAVA_OPTS={java_opts!r} MALLOC_ARENA_MAX={arena!r}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

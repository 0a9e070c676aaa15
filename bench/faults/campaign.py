#!/usr/bin/env python3
"""Fault-injection campaign against the server jar on loopback; prints tried / passed / lost /
duplicated / recomputed per phase and writes them to bench/results/faults.json.

Standard library only (plus the PostgreSQL driver taken from the jar, run by DbCheck.java).

    python3 bench/faults/campaign.py --jar target/greenscribe.jar              # full: 20 kill -9, 5 SIGTERM
    python3 bench/faults/campaign.py --jar target/greenscribe.jar --short      # CI: 2 kill -9, 1 SIGTERM

Phases:
  kill9     jobs submitted, then the server is killed with SIGKILL at random moments and restarted;
            every job must end SUCCEEDED, with one transcript, and no committed window recognized again
  sigterm   the same with SIGTERM: besides, after each stop no job may be RUNNING or FAILED
  malformed the malformed requests of issue 12 plus truncated/corrupted copies of every sample
            container: no answer may be a 5xx, and no job may end with an internal error
Every server listens on 127.0.0.1; every request goes there. Each loop is bounded in count and time.
"""
import argparse
import glob
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEECH = os.path.join(ROOT, "..", "shared", "data", "speech")
KEY = "gs_fault_key"


class Server:
    def __init__(self, jar, data, port, db_port, name):
        self.jar, self.data, self.port, self.db_port, self.name = jar, data, port, db_port, name
        self.proc = None

    def start(self, tag):
        self.log = os.path.join(self.data, f"server-{tag}.log")
        log = open(self.log, "w")
        self.proc = subprocess.Popen([
            "java", "-Xmx3g", "-Dai.djl.offline=true", "-jar", self.jar,
            "--server.address=127.0.0.1", f"--server.port={self.port}",
            f"--greenscribe.database.embedded.data-directory={self.data}/postgres",
            f"--greenscribe.database.embedded.port={self.db_port}",
            f"--greenscribe.jobs.upload-directory={self.data}/audio",
            f"--greenscribe.pipeline.work-directory={self.data}/work",
            f"--greenscribe.pipeline.models-directory={ROOT}/models",
            f"--greenscribe.security.bootstrap-key={KEY}",
            f"--greenscribe.jobs.allowed-roots={SPEECH}",
            "--greenscribe.carbon.enabled=false",
            "--greenscribe.queue.lease=15s", "--greenscribe.queue.heartbeat-interval=3s",
            "--greenscribe.queue.reap-interval=3s", f"--greenscribe.queue.worker-id={self.name}-{tag}",
        ], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.time() + 600
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"server exited at start; see {log.name}")
            try:
                if request(self.port, "GET", "/actuator/health")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(1)
        raise SystemExit("server did not come up in 10 min")

    def stop(self, sig, wait=180):
        self.proc.send_signal(sig)
        try:
            self.proc.wait(wait)
            return True
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(30)
            return False


def request(port, method, path, body=None, headers=None, timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        h = {"Authorization": f"Bearer {KEY}"}
        h.update(headers or {})
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def submit_path(port, path):
    status, body = request(port, "POST", "/api/v1/jobs", json.dumps({"path": path}).encode(),
                           {"Content-Type": "application/json"})
    if status != 202:
        raise SystemExit(f"submission of {path} answered {status}: {body[:200]}")
    return json.loads(body)["id"]


def multipart(fields, files, boundary=None):
    boundary = boundary or "gs" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, data) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Db:
    def __init__(self, jar, data, db_port, work):
        self.url = f"jdbc:postgresql://localhost:{db_port}/postgres"
        self.data = data
        with zipfile.ZipFile(jar) as z:
            name = next(n for n in z.namelist() if n.startswith("BOOT-INF/lib/postgresql-"))
            self.driver = os.path.join(work, "postgresql.jar")
            with open(self.driver, "wb") as f:
                f.write(z.read(name))

    def run(self, *mode):
        secret = open(os.path.join(self.data, "postgres", "greenscribe-db.secret")).read().strip()
        out = subprocess.run(["java", "-cp", self.driver, os.path.join(ROOT, "bench", "faults", "DbCheck.java"),
                              self.url, secret, *mode], capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            raise SystemExit("DbCheck failed: " + out.stderr[-500:])
        return out.stdout

    def summary(self):
        return json.loads(self.run())

    def windows(self):
        return set(l for l in self.run("windows").splitlines() if l.strip())


def wait_all_terminal(port, ids, limit_s):
    deadline = time.time() + limit_s
    while time.time() < deadline:
        states = []
        for i in ids:
            status, body = request(port, "GET", f"/api/v1/jobs/{i}")
            states.append(json.loads(body)["status"] if status == 200 else "?")
        if all(s in ("SUCCEEDED", "FAILED", "CANCELLED") for s in states):
            return states
        time.sleep(3)
    return states


def fault_phase(args, sig, trials, label):
    work = tempfile.mkdtemp(prefix=f"gs-faults-{label}-")
    server = Server(args.jar, work, args.port, args.db_port, label)
    db = Db(args.jar, work, args.db_port, work)
    rng = random.Random(args.seed)
    clips = sorted(glob.glob(os.path.join(SPEECH, "en-short", "audio", "*.flac")))[: args.jobs]
    longs = ["long-form/audio/concat_dev_en.flac", "long-form/audio/concat_dev_en_sparse.flac"]
    server.start("0")
    ids = []
    committed, failed_by_stop, abandoned, interrupted, slow_exits, mid_job = set(), 0, 0, 0, 0, 0
    for t in range(1, trials + 1):
        # fresh work for every trial, so that the fault lands while jobs run (idle faults prove nothing)
        ids += [submit_path(args.port, os.path.relpath(c, SPEECH)) for c in clips]
        ids += [submit_path(args.port, p) for p in longs]
        time.sleep(rng.uniform(args.min_wait, args.max_wait))
        status, body = request(args.port, "GET", "/api/v1/jobs?state=RUNNING&size=500")
        mid_job += 1 if status == 200 and json.loads(body)["total"] > 0 else 0
        committed |= db.windows()
        exited = server.stop(sig)
        if sig == signal.SIGTERM:
            # the embedded database stops with the server: what the stop did is read from its log
            slow_exits += 0 if exited else 1
            log = open(server.log).read()
            abandoned += log.count("still running after")
            interrupted += log.count("InterruptedException")
        server.start(str(t))
        if sig == signal.SIGTERM:
            failed_by_stop = db.summary()["failed"]
        print(f"  {label} trial {t}/{trials}: {len(committed)} windows committed so far", flush=True)
    states = wait_all_terminal(args.port, ids, args.finish_limit)
    after = db.windows()
    s = db.summary()
    server.stop(signal.SIGTERM)
    result = {
        "phase": label, "trials": trials, "trials_with_jobs_running": mid_job, "jobs": len(ids),
        "passed": states.count("SUCCEEDED"), "lost": len(ids) - states.count("SUCCEEDED"),
        "duplicated": s["duplicated"], "recomputed": len(committed - after),
        "failed": s["failed"], "errors": s["errors"],
    }
    if sig == signal.SIGTERM:
        result.update({"failed_by_stop": failed_by_stop, "stops_that_abandoned_a_window": abandoned,
                       "interrupted_exceptions_logged": interrupted, "stops_over_180s": slow_exits})
    return result


def malformed_phase(args):
    work = tempfile.mkdtemp(prefix="gs-faults-malformed-")
    server = Server(args.jar, work, args.port, args.db_port, "malformed")
    db = Db(args.jar, work, args.db_port, work)
    server.start("0")
    field = b'--b1\r\nContent-Disposition: form-data; name="language"\r\n\r\nen\r\n'
    nested = (b'--b1\r\nContent-Disposition: form-data; name="language"\r\nContent-Type: multipart/mixed; boundary=b2'
              b'\r\n\r\n--b2\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n--b2--\r\n\r\n--b1--\r\n')
    sample = open(os.path.join(ROOT, "docs", "sample", "jfk.mp3"), "rb").read()
    cases = [
        ("no boundary", "/api/v1/jobs", "multipart/form-data", field),
        ("no closing boundary", "/api/v1/jobs", "multipart/form-data; boundary=b1", field),
        ("nested multipart", "/api/v1/jobs", "multipart/form-data; boundary=b1", nested),
        ("deadline +999999999", "/api/v1/jobs", *reversed(multipart({"deadline": "+999999999-12-31T23:59:59Z"},
                                                                      {"file": ("a.mp3", sample)}))),
        ("language enx", "/api/v1/jobs", *reversed(multipart({"language": "enx"}, {"file": ("a.mp3", sample)}))),
        ("5000 form fields", "/api/v1/jobs", *reversed(multipart({}, {"file": ("a.mp3", sample)}))),
        ("callback to loopback", "/api/v1/jobs", *reversed(multipart({"callbackUrl": "https://127.0.0.1:5432/"},
                                                                       {"file": ("a.mp3", sample)}))),
        ("callback with credentials", "/api/v1/jobs", *reversed(multipart({"callbackUrl": "https://u:p@example.com/"},
                                                                            {"file": ("a.mp3", sample)}))),
        ("json not json", "/api/v1/jobs", "application/json", b"{not json"),
    ]
    many_body, many_type = multipart({}, {"file": ("a.mp3", sample)})
    many_body = "".join(f'--b9\r\nContent-Disposition: form-data; name="hotwords"\r\n\r\nw\r\n' for _ in range(5000)).encode() \
        + many_body.replace(many_type.split("=", 1)[1].encode(), b"b9")
    cases[5] = ("5000 form fields", "/api/v1/jobs", "multipart/form-data; boundary=b9", many_body)
    # truncated and corrupted copies of every sample container
    rng = random.Random(args.seed)
    samples = [os.path.join(ROOT, "docs", "sample", "jfk.mp3")] + sorted(
        {os.path.splitext(p)[1]: p for p in glob.glob(os.path.join(SPEECH, "*", "audio", "*"))}.values())
    for path in samples:
        data = open(path, "rb").read()
        ext = os.path.splitext(path)[1]
        variants = {"header only": data[:64], "10%": data[: len(data) // 10], "half": data[: len(data) // 2]}
        flipped = bytearray(data)
        for _ in range(max(1, len(flipped) // 200)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        variants["1 in 200 bytes flipped"] = bytes(flipped)
        for how, content in variants.items():
            body, ctype = multipart({"language": "en"}, {"file": (f"bad{ext}", content)})
            cases.append((f"{ext} {how}", "/api/v1/jobs", ctype, body))
    results, ids, five_xx = [], [], 0
    for name, path, ctype, body in cases:
        status, resp = request(args.port, "POST", path, body, {"Content-Type": ctype})
        five_xx += status >= 500
        results.append((name, status))
        if status == 202:
            ids.append(json.loads(resp)["id"])
    status, resp = request(args.port, "GET", "/api/v1/transcripts/search?q=" + "a" * 80_000)
    results.append(("80 KB query", status))
    five_xx += status >= 500
    html = b"<html" in resp.lower()
    for name, status in results:
        print(f"  {status}  {name}", flush=True)
    print(f"  {five_xx} answers were 5xx; waiting for the {len(ids)} accepted jobs", flush=True)
    # noise that decodes is transcribed like speech (slowly: the model writes up to its token limit)
    states = wait_all_terminal(args.port, ids, args.finish_limit)
    s = db.summary()
    internal = s["errors"].count("Internal error")
    server.stop(signal.SIGTERM)
    return {"phase": "malformed", "tried": len(results), "server_5xx": five_xx, "html_error_pages": int(html),
            "jobs_accepted": len(ids), "jobs_internal_error": internal,
            "passed": len(results) - five_xx, "states": {k: states.count(k) for k in set(states)}}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", default=os.path.join(ROOT, "target", "greenscribe.jar"))
    ap.add_argument("--short", action="store_true", help="CI size: 2 kill -9, 1 SIGTERM, the malformed corpus")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--sigterms", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=4, help="short clips submitted per trial (plus two long recordings)")
    ap.add_argument("--min-wait", type=float, default=3, help="seconds from a trial's submissions to its fault, at least")
    ap.add_argument("--max-wait", type=float, default=15)
    ap.add_argument("--finish-limit", type=float, default=3600, help="seconds the jobs may take to finish after the faults")
    ap.add_argument("--phases", default="kill9,sigterm,malformed")
    ap.add_argument("--port", type=int, default=18611)
    ap.add_argument("--db-port", type=int, default=18612)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    if args.short:
        args.kills, args.sigterms, args.jobs = 2, 1, 2
    out = []
    for phase in args.phases.split(","):
        print(f"== {phase}", flush=True)
        if phase == "kill9":
            out.append(fault_phase(args, signal.SIGKILL, args.kills, "kill9"))
        elif phase == "sigterm":
            out.append(fault_phase(args, signal.SIGTERM, args.sigterms, "sigterm"))
        elif phase == "malformed":
            out.append(malformed_phase(args))
        print(json.dumps(out[-1]), flush=True)
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", "faults.json"), "w") as f:
        json.dump(out, f, indent=2)
    bad = any(r.get("lost") or r.get("duplicated") or r.get("recomputed") or r.get("failed_by_stop")
              or r.get("server_5xx") or r.get("jobs_internal_error") for r in out)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

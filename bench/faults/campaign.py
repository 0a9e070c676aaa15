#!/usr/bin/env python3
"""Fault-injection campaign against the server jar on loopback; prints tried / passed / lost /
duplicated / recomputed per phase, writes them to bench/results/faults.json, and exits non-zero
when a phase misses a bar.

Standard library only (plus the PostgreSQL driver taken from the jar, run by DbCheck.java).

    python3 bench/faults/campaign.py --jar target/greenscribe.jar          # full: every phase, 20 kill -9, 5 SIGTERM
    python3 bench/faults/campaign.py --jar target/greenscribe.jar --short  # CI: one trial of every phase, one server

Phases (each on a fresh data directory; --short runs them all on one server to save starts):
  kill9     jobs submitted, then the server is killed with SIGKILL at random moments and restarted
            (every other kill just after a window was committed, in the middle of the next one);
            every job must end SUCCEEDED, with one transcript, and no committed window recognized again
  sigterm   the same with SIGTERM: besides, after each stop no job may be RUNNING or FAILED
  dbkill    the embedded postmaster is killed with SIGKILL while jobs run; the server is not touched:
            health must come back UP, every job must finish, nothing duplicated or recomputed
  two       a second instance on the first one's database (SPRING_DATASOURCE_URL, loopback TCP) is
            killed with SIGKILL while it holds jobs: the first reaps and finishes them, each once
  load      uploads from concurrent clients with the queue on: no error, no upload file without a job row
  malformed the malformed requests of issue 12 plus truncated/corrupted copies of every sample
            container: no answer may be a 5xx, and no job may end with an internal error
During every phase a sampler reads pg_stat_activity every 250 ms: no connection may stay idle in a
transaction for over 1 s.
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
import threading
import time
import uuid
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEECH = os.path.join(ROOT, "..", "shared", "data", "speech")
KEY = "gs_fault_key"
SERVERS = []  # every server started, so that an aborted run leaves no process behind


class Server:
    def __init__(self, jar, data, port, db_port, name, env=None):
        self.jar, self.data, self.port, self.db_port, self.name = jar, data, port, db_port, name
        self.env = dict(os.environ, **(env or {}))  # SPRING_DATASOURCE_*: a database of another instance
        self.proc, self.starts = None, 0
        SERVERS.append(self)

    def start(self):
        tag = self.starts
        self.starts += 1
        self.log = os.path.join(self.data, f"server-{self.name}-{tag}.log")
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
            f"--greenscribe.security.credentials-file={self.data}/credentials",
            f"--greenscribe.jobs.allowed-roots={SPEECH}",
            "--greenscribe.carbon.enabled=false",
            "--greenscribe.queue.lease=15s", "--greenscribe.queue.heartbeat-interval=3s",
            "--greenscribe.queue.reap-interval=3s", f"--greenscribe.queue.worker-id={self.name}-{tag}",
        ], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=self.env)
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

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self, sig, wait=180):
        if not self.alive():
            return True
        self.proc.send_signal(sig)
        try:
            self.proc.wait(wait)
            return True
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(30)
            return False


def postmaster_pid(data):
    """The live postmaster serving DATA/postgres, or None."""
    try:
        pid = int(open(os.path.join(data, "postgres", "postmaster.pid")).readline().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def stop_postmaster(data):
    """A postmaster outlives a server killed with SIGKILL; the campaign stops the ones it left (SIGTERM: a clean stop)."""
    pid = postmaster_pid(data)
    if pid:
        os.kill(pid, signal.SIGTERM)
        deadline = time.time() + 30
        while time.time() < deadline and postmaster_pid(data) == pid:
            time.sleep(0.2)


def request(port, method, path, body=None, headers=None, timeout=60, key=KEY):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        h = {"Authorization": f"Bearer {KEY}"} if key else {}
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
    """DbCheck.java against the embedded database of the instance whose data directory is DATA."""
    classes = None

    def __init__(self, jar, data, db_port, work):
        self.url = f"jdbc:postgresql://localhost:{db_port}/postgres"
        self.data = data
        with zipfile.ZipFile(jar) as z:
            name = next(n for n in z.namelist() if n.startswith("BOOT-INF/lib/postgresql-"))
            self.driver = os.path.join(work, "postgresql.jar")
            with open(self.driver, "wb") as f:
                f.write(z.read(name))
        if Db.classes is None:  # compiled once per run: a source launch costs seconds of CPU at every call
            Db.classes = tempfile.mkdtemp(prefix="gs-faults-dbcheck-")
            subprocess.run(["javac", "-cp", self.driver, "-d", Db.classes,
                            os.path.join(ROOT, "bench", "faults", "DbCheck.java")], check=True, timeout=300)
        self.cp = self.driver + os.pathsep + Db.classes

    def secret(self):
        return open(os.path.join(self.data, "postgres", "greenscribe-db.secret")).read().strip()

    def run(self, *mode):
        out = subprocess.run(["java", "-cp", self.cp, "DbCheck", self.url, self.secret(), *mode],
                             capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            raise SystemExit("DbCheck failed: " + out.stderr[-500:])
        return out.stdout

    def summary(self, since=0.0):
        """figures over the jobs created since SINCE (epoch seconds): a phase's own jobs on a shared server"""
        return json.loads(self.run("summary", str(int(since * 1000))))

    def windows(self):
        return set(l for l in self.run("windows").splitlines() if l.strip())

    def running(self):
        """job id -> worker id, for the jobs RUNNING now"""
        return dict(l.split(" ", 1) for l in self.run("running").splitlines() if l.strip())

    def ids(self):
        return set(l.strip() for l in self.run("ids").splitlines() if l.strip())

    def sampler(self, work, label):
        return Sampler(self, os.path.join(work, f"idle-in-tx-{label}.txt"))


class Sampler:
    """Every 250 ms, while a phase runs: connections idle in a transaction, and for how long (DbCheck sample)."""

    def __init__(self, db, path):
        self.path = path
        self.out = open(path, "w")
        self.proc = subprocess.Popen(["java", "-cp", db.cp, "DbCheck", db.url, db.secret(), "sample", "250"],
                                     stdout=self.out, stderr=subprocess.STDOUT)

    def figures(self, since=0.0, until=None):
        """samples taken between SINCE and UNTIL (epoch seconds), read from what the sampler wrote so far"""
        until = until or time.time()
        self.out.flush()
        samples, over, worst_count, oldest, worst = 0, 0, 0, 0, ""
        for line in open(self.path):
            f = line.split(" ", 3)
            if len(f) < 3 or not f[1].isdigit() or not since * 1000 <= int(f[0]) <= until * 1000:
                continue
            samples += 1
            count, age = int(f[1]), int(f[2])
            if count:
                over += 1
                worst_count = max(worst_count, count)
                if age > oldest:
                    worst = f[3].strip() if len(f) > 3 else ""
            oldest = max(oldest, age)
        return {"idle_in_tx_samples": samples, "idle_in_tx_samples_over_1s": over,
                "idle_in_tx_over_1s_max_connections": worst_count, "idle_in_tx_oldest_ms": oldest,
                "idle_in_tx_oldest_statement": worst}

    def stop(self):
        self.proc.terminate()
        self.proc.wait(30)
        self.out.close()


class Site:
    """A server on its own data directory and embedded PostgreSQL, with the idle-in-transaction sampler.
    The full campaign gives every phase a fresh one; --short runs every phase on one (fewer starts)."""

    def __init__(self, args, label):
        self.work = tempfile.mkdtemp(prefix=f"gs-faults-{label}-")
        self.server = Server(args.jar, self.work, args.port, args.db_port, label)
        self.db = Db(args.jar, self.work, args.db_port, self.work)
        self.sampler = None

    def up(self):
        if not self.server.alive():
            self.server.start()
        if self.sampler is None:  # needs the database's secret: after the first start
            self.sampler = self.db.sampler(self.work, self.server.name)

    def close(self, sig=signal.SIGTERM):
        if self.sampler:
            self.sampler.stop()
        self.server.stop(sig)
        stop_postmaster(self.work)


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


def fault_phase(args, site, sig, trials, label):
    server, db, began = site.server, site.db, time.time()
    rng = random.Random(args.seed)
    clips = sorted(glob.glob(os.path.join(SPEECH, "en-short", "audio", "*.flac")))[: args.jobs]
    site.up()
    ids = []
    committed, failed_by_stop, abandoned, interrupted, slow_exits, mid_job = set(), 0, 0, 0, 0, 0
    after_commit = 0
    for t in range(1, trials + 1):
        # fresh work for every trial, so that the fault lands while jobs run (idle faults prove nothing)
        ids += submit_work(args.port, clips, args.longs)
        # the fault comes at a random moment after work started running (on a loaded machine a fixed
        # delay after the submissions can land before any job has been claimed)
        wait_running(db, 120)
        if t % 2 == 0 or trials == 1:
            # every other fault (the only one of a --short run) comes just after a window was committed, in the middle of the next one:
            # the moment that proves committed windows are not recognized again (faults only 3-15 s after
            # a start can all land before the first commit on a loaded machine: the bar is then vacuous,
            # and no server life makes progress)
            before = db.windows()
            if wait_new_window(db, before, 180):
                after_commit += 1
            time.sleep(rng.uniform(0.5, 3))
        else:
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
        server.start()
        so_far = db.summary(began)
        if sig == signal.SIGTERM:
            failed_by_stop = so_far["failed"]
        # figures so far, so that a run cut short still says something
        print(f"  {label} trial {t}/{trials}: {len(ids)} jobs, {so_far['succeeded']} succeeded, {so_far['failed']} failed, "
              f"{so_far['duplicated']} duplicated, {len(committed)} windows committed so far, "
              f"{len(committed - db.windows())} of them recomputed", flush=True)
    states = wait_all_terminal(args.port, ids, args.finish_limit)
    after, s = db.windows(), db.summary(began)
    result = {
        "phase": label, "tried": trials, "trials_with_jobs_running": mid_job,
        "trials_just_after_a_commit": after_commit, "jobs": len(ids),
        "passed": states.count("SUCCEEDED"), "lost": len(ids) - states.count("SUCCEEDED"),
        "duplicated": s["duplicated"], "succeeded_twice": s["succeeded_twice"],
        "recomputed": len(committed - after), "reattempted_windows": s["reattempted_windows"],
        "failed": s["failed"], "errors": s["errors"], **site.sampler.figures(began),
    }
    if sig == signal.SIGTERM:
        result.update({"failed_by_stop": failed_by_stop, "stops_that_abandoned_a_window": abandoned,
                       "interrupted_exceptions_logged": interrupted, "stops_over_180s": slow_exits})
    return result


def submit_work(port, clips, longs):
    return [submit_path(port, os.path.relpath(c, SPEECH)) for c in clips] + [submit_path(port, p) for p in longs]


def wait_new_window(db, known, limit_s):
    """Until a window not in KNOWN is committed (True), or LIMIT_S passed (False)."""
    deadline = time.time() + limit_s
    while time.time() < deadline:
        if db.windows() - known:
            return True
        time.sleep(0.5)
    return False


def wait_running(db, limit_s, worker_prefix=""):
    """Until a job runs (on a worker whose id starts with WORKER_PREFIX): job id -> worker, or {}."""
    deadline = time.time() + limit_s
    while time.time() < deadline:
        running = {j: w for j, w in db.running().items() if w.startswith(worker_prefix)}
        if running:
            return running
        time.sleep(1)
    return {}


def probe(port, path, key=None):
    """The status code of a GET (an orchestrator's probe sends no key), or 'timeout' / 'refused'."""
    try:
        return str(request(port, "GET", path, timeout=5, key=key)[0])
    except TimeoutError:
        return "timeout"
    except OSError:
        return "refused"


def dbkill_phase(args, site, trials):
    """kill -9 of the embedded postmaster while jobs run; the server itself is never restarted."""
    server, db, work, began = site.server, site.db, site.work, time.time()
    rng = random.Random(args.seed)
    clips = sorted(glob.glob(os.path.join(SPEECH, "en-short", "audio", "*.flac")))[: args.jobs]
    site.up()
    process = server.proc.pid
    ids, committed, mid_job, restarted, down_seen, back_up, worst_back_s = [], set(), 0, 0, 0, 0, 0.0
    answers, api = {}, {}
    for t in range(1, trials + 1):
        ids += submit_work(args.port, clips, args.longs)
        mid_job += 1 if wait_running(db, 120) else 0
        time.sleep(rng.uniform(1, 4))
        committed |= db.windows()
        old = postmaster_pid(work)
        os.kill(old, signal.SIGKILL)
        killed_at, seen, up_at = time.time(), set(), None
        # health answers until the postmaster is back and health says UP again (bounded: 3 min)
        while time.time() < killed_at + 180:
            code = probe(args.port, "/actuator/health")
            answers[code] = answers.get(code, 0) + 1
            # an API call meanwhile: a 503 says "try again", a 500 would be a wrong answer
            a = probe(args.port, "/api/v1/jobs?size=1", key=KEY)
            api[a] = api.get(a, 0) + 1
            seen.add(code)
            new = postmaster_pid(work)
            if new and new != old and code == "200":
                up_at = time.time()
                break
            time.sleep(0.5)
        restarted += 1 if postmaster_pid(work) not in (None, old) else 0
        down_seen += 1 if seen - {"200"} else 0
        if up_at:
            back_up += 1
            worst_back_s = max(worst_back_s, up_at - killed_at)
        print(f"  dbkill trial {t}/{trials}: postmaster {old} killed; health answered {sorted(seen)}; "
              f"back up after {(up_at or time.time()) - killed_at:.1f} s", flush=True)
    states = wait_all_terminal(args.port, ids, args.finish_limit)
    after, s, idle = db.windows(), db.summary(began), site.sampler.figures(began)
    never_restarted = server.alive() and server.proc.pid == process
    return {"phase": "dbkill", "tried": trials, "trials_with_jobs_running": mid_job, "jobs": len(ids),
            "passed": states.count("SUCCEEDED"), "lost": len(ids) - states.count("SUCCEEDED"),
            "duplicated": s["duplicated"], "succeeded_twice": s["succeeded_twice"],
            "recomputed": len(committed - after), "reattempted_windows": s["reattempted_windows"],
            "failed": s["failed"], "errors": s["errors"], "postmaster_restarted": restarted,
            "health_not_up_while_gone": down_seen, "health_back_up": back_up,
            "worst_s_to_health_up": round(worst_back_s, 1), "health_answers": answers, "api_answers": api,
            "api_500_while_gone": api.get("500", 0),
            "server_never_restarted": int(never_restarted), **idle}


def two_phase(args, site, trials):
    """Two instances on one database (the second on the first's embedded PostgreSQL, over loopback TCP);
    the second is killed with SIGKILL while it holds jobs: the first must reap and finish them, once."""
    db, work, began = site.db, site.work, time.time()
    rng = random.Random(args.seed)
    clips = sorted(glob.glob(os.path.join(SPEECH, "en-short", "audio", "*.flac")))[: args.jobs]
    site.up()
    second_dir = os.path.join(work, "second")
    os.makedirs(second_dir, exist_ok=True)
    second = Server(args.jar, second_dir, args.port + 2, args.db_port + 2, "twoB", env={
        "SPRING_DATASOURCE_URL": db.url, "SPRING_DATASOURCE_USERNAME": "postgres",
        "SPRING_DATASOURCE_PASSWORD": db.secret()})
    ids, committed, held, mid_job = [], set(), set(), 0
    for t in range(1, trials + 1):
        second.start()
        # work for both, submitted through both
        ids += submit_work(args.port, clips, args.longs[:1]) + submit_work(args.port + 2, clips, args.longs[1:])
        on_second = wait_running(db, 180, "twoB")
        time.sleep(rng.uniform(1, 4))
        on_second = {j for j, w in db.running().items() if w.startswith("twoB")} or set(on_second)
        mid_job += 1 if on_second else 0
        held |= on_second
        committed |= db.windows()
        second.stop(signal.SIGKILL)
        print(f"  two trial {t}/{trials}: second instance killed holding {len(on_second)} running jobs", flush=True)
    states = wait_all_terminal(args.port, ids, args.finish_limit)
    after, s, idle = db.windows(), db.summary(began), site.sampler.figures(began)
    by_id = dict(zip(ids, states))
    return {"phase": "two", "tried": trials, "trials_with_jobs_running": mid_job, "jobs": len(ids),
            "passed": states.count("SUCCEEDED"), "lost": len(ids) - states.count("SUCCEEDED"),
            "duplicated": s["duplicated"], "succeeded_twice": s["succeeded_twice"],
            "recomputed": len(committed - after), "reattempted_windows": s["reattempted_windows"],
            "jobs_held_by_killed_instance": len(held),
            "of_those_finished_by_survivor": sum(1 for j in held if by_id.get(j) == "SUCCEEDED"),
            "failed": s["failed"], "errors": s["errors"], **idle}


def load_phase(args, site):
    """Uploads from concurrent clients with the queue on (jobs are transcribed meanwhile): no
    submission may fail, and no uploaded file may be left without its job row."""
    db, work, began = site.db, site.work, time.time()
    site.up()
    # recognition running during the burst (the pool was once starved by jobs, and uploads got 500)
    clips = sorted(glob.glob(os.path.join(SPEECH, "en-short", "audio", "*.flac")))[: args.jobs]
    submit_work(args.port, clips, args.longs)
    running_at_start = len(wait_running(db, 120))
    sample = open(os.path.join(ROOT, "docs", "sample", "jfk.mp3"), "rb").read()
    lock, answers, latencies, next_index = threading.Lock(), {}, [], [0]
    deadline = time.time() + args.load_seconds

    def client():
        conn = None
        while time.time() < deadline:
            with lock:
                if next_index[0] >= args.load_uploads:
                    return
                next_index[0] += 1
            body, ctype = multipart({"language": "en"}, {"file": ("jfk.mp3", sample)})
            started = time.time()
            try:
                conn = conn or http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
                conn.request("POST", "/api/v1/jobs", body=body,
                             headers={"Authorization": f"Bearer {KEY}", "Content-Type": ctype})
                r = conn.getresponse()
                r.read()
                code = str(r.status)
            except OSError as e:
                code, conn = type(e).__name__, None
            with lock:
                answers[code] = answers.get(code, 0) + 1
                latencies.append(time.time() - started)

    started = time.time()
    threads = [threading.Thread(target=client) for _ in range(args.load_clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.time() - started
    s, rows = db.summary(began), db.ids()
    uploads = os.path.join(work, "audio")
    entries = os.listdir(uploads) if os.path.isdir(uploads) else []
    orphans = [e for e in entries if e not in rows]
    idle = site.sampler.figures(began)
    tried = sum(answers.values())
    latencies.sort()
    return {"phase": "load", "tried": tried, "clients": args.load_clients, "wall_s": round(wall, 1),
            "passed": answers.get("202", 0), "errors": tried - answers.get("202", 0), "answers": answers,
            "p50_ms": round(1000 * latencies[len(latencies) // 2]) if latencies else None,
            "max_ms": round(1000 * latencies[-1]) if latencies else None,
            "jobs_running_at_start": running_at_start,
            "job_rows": len(rows), "upload_entries": len(entries), "orphan_files": len(orphans),
            "jobs_succeeded_meanwhile": s["succeeded"], **idle}


def malformed_phase(args, site):
    db, began = site.db, time.time()
    site.up()
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
    # the smallest file of each container: a corrupt copy that still decodes is transcribed as noise,
    # slowly (the model writes up to its token limit), so a long one only costs time and proves nothing more
    smallest = {}
    for p in sorted(glob.glob(os.path.join(SPEECH, "*", "audio", "*"))):
        ext = os.path.splitext(p)[1]
        if ext not in smallest or os.path.getsize(p) < os.path.getsize(smallest[ext]):
            smallest[ext] = p
    samples = [os.path.join(ROOT, "docs", "sample", "jfk.mp3")] + sorted(smallest.values())
    for path in samples:
        data = open(path, "rb").read()
        ext = os.path.splitext(path)[1]
        variants = {"header only": data[:64], "10%": data[: len(data) // 10], "half": data[: len(data) // 2]}
        flipped = bytearray(data)
        for _ in range(max(1, len(flipped) // 200)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        variants["1 in 200 bytes flipped"] = bytes(flipped)
        if args.short:  # CI: one truncation and one corruption per container (each accepted one is transcribed)
            variants = {k: variants[k] for k in ("header only", "1 in 200 bytes flipped")}
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
    s = db.summary(began)
    internal = s["errors"].count("Internal error")
    return {"phase": "malformed", "tried": len(results), "server_5xx": five_xx, "html_error_pages": int(html),
            "jobs_accepted": len(ids), "jobs_internal_error": internal,
            # a job still queued or running proves nothing about how it ends: a bar, not a pass
            "jobs_unfinished": sum(st not in ("SUCCEEDED", "FAILED", "CANCELLED") for st in states),
            "passed": len(results) - five_xx, "states": {k: states.count(k) for k in set(states)},
            **site.sampler.figures(began)}


BARS = {  # figure -> the value every phase must show (absent figures are not judged)
    "lost": 0, "duplicated": 0, "succeeded_twice": 0, "recomputed": 0, "failed_by_stop": 0,
    "server_5xx": 0, "jobs_internal_error": 0, "idle_in_tx_samples_over_1s": 0, "errors": 0,
    "orphan_files": 0, "jobs_unfinished": 0, "stops_over_180s": 0, "api_500_while_gone": 0,
}


def judge(r):
    """The bars a phase result misses, as 'figure=value' strings."""
    missed = [f"{k}={r[k]}" for k, want in BARS.items() if k in r and isinstance(r[k], int) and r[k] != want]
    if r["phase"] in ("kill9", "sigterm", "dbkill", "two") and r.get("trials_with_jobs_running") != r.get("tried"):
        missed.append(f"trials_with_jobs_running={r.get('trials_with_jobs_running')}/{r.get('tried')}")
    if r["phase"] in ("kill9", "sigterm", "dbkill", "two") and r["failed"]:
        missed.append(f"failed={r['failed']}")
    if r["phase"] == "dbkill":
        for k in ("postmaster_restarted", "health_back_up"):
            if r[k] != r["tried"]:
                missed.append(f"{k}={r[k]}/{r['tried']}")
        if not r["server_never_restarted"]:
            missed.append("server_never_restarted=0")
    if r["phase"] == "two" and r["of_those_finished_by_survivor"] != r["jobs_held_by_killed_instance"]:
        missed.append(f"of_those_finished_by_survivor={r['of_those_finished_by_survivor']}/{r['jobs_held_by_killed_instance']}")
    return missed


def headline(r):
    keys = ["tried", "jobs", "passed", "lost", "duplicated", "recomputed", "failed_by_stop", "server_5xx",
            "errors", "orphan_files", "idle_in_tx_samples_over_1s", "idle_in_tx_oldest_ms"]
    return f"{r['phase']}: " + ", ".join(f"{k} {r[k]}" for k in keys if k in r and not isinstance(r[k], str))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", default=os.path.join(ROOT, "target", "greenscribe.jar"))
    ap.add_argument("--short", action="store_true", help="CI size: one trial of every phase, shorter recordings")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--sigterms", type=int, default=5)
    ap.add_argument("--dbkills", type=int, default=3)
    ap.add_argument("--two-trials", type=int, default=3)
    ap.add_argument("--load-uploads", type=int, default=200)
    ap.add_argument("--load-clients", type=int, default=8)
    ap.add_argument("--load-seconds", type=float, default=300, help="the load stops after this long, done or not")
    ap.add_argument("--jobs", type=int, default=2, help="short clips submitted per trial (plus the long recordings)")
    ap.add_argument("--longs", default="long-form/audio/concat_dev_en.flac",
                    help="multi-window recordings submitted per trial, relative to the speech data")
    ap.add_argument("--min-wait", type=float, default=3, help="seconds from the first running job of a trial to its fault, at least")
    ap.add_argument("--max-wait", type=float, default=15)
    ap.add_argument("--finish-limit", type=float, default=3600, help="seconds the jobs may take to finish after the faults")
    # malformed before load: --short runs every phase on one server, and the load's uploads queue ahead of
    # the damaged files' jobs otherwise (a run of 2026-12-08 waited 600 s for them and judged nothing)
    ap.add_argument("--phases", default="kill9,sigterm,dbkill,two,malformed,load")
    ap.add_argument("--port", type=int, default=18611)
    ap.add_argument("--db-port", type=int, default=18612)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--results", default=os.path.join(ROOT, "bench", "results", "faults.json"))
    args = ap.parse_args()
    if args.short:
        args.kills, args.sigterms, args.dbkills, args.two_trials, args.jobs = 1, 1, 1, 1, 2
        args.load_uploads, args.load_seconds, args.finish_limit = 48, 60, 600
        args.longs = "long-form/audio/mfa_michaelandsickmichael_mono.flac"
        args.min_wait, args.max_wait = 3, 8
    args.longs = [p for p in args.longs.split(",") if p]
    # SIGTERM (timeout, CI cancelling) and SIGINT, even when started in the background (where SIGINT is
    # ignored), end the run through the clean-up below instead of leaving servers and postmasters running
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    began = time.time()
    print(f"== {' '.join(sys.argv)}  ({time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())})", flush=True)
    out, shared = [], Site(args, "short") if args.short else None
    try:
        for phase in args.phases.split(","):
            print(f"== {phase}", flush=True)
            t0 = time.time()
            site = shared or Site(args, phase)
            if phase == "kill9":
                out.append(fault_phase(args, site, signal.SIGKILL, args.kills, "kill9"))
            elif phase == "sigterm":
                out.append(fault_phase(args, site, signal.SIGTERM, args.sigterms, "sigterm"))
            elif phase == "dbkill":
                out.append(dbkill_phase(args, site, args.dbkills))
            elif phase == "two":
                out.append(two_phase(args, site, args.two_trials))
            elif phase == "load":
                out.append(load_phase(args, site))
            elif phase == "malformed":
                out.append(malformed_phase(args, site))
            else:
                raise SystemExit(f"unknown phase {phase}")
            if not shared:
                site.close()
            out[-1]["phase_s"] = round(time.time() - t0)
            out[-1]["bars_missed"] = judge(out[-1])
            print(json.dumps(out[-1]), flush=True)
            print("  " + headline(out[-1]) + ("  -- MISSED: " + "; ".join(out[-1]["bars_missed"])
                                             if out[-1]["bars_missed"] else "  -- all bars met"), flush=True)
    finally:
        if shared:  # the figures are taken: no need to wait for a graceful stop of the queued load
            shared.close(signal.SIGKILL)
        for server in SERVERS:  # an aborted phase may leave a server or a postmaster behind
            if server.alive():
                server.proc.kill()
                server.proc.wait(30)
            stop_postmaster(server.data)
    os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
    with open(args.results, "w") as f:
        json.dump(out, f, indent=2)
    print(f"== summary ({round(time.time() - began)} s)", flush=True)
    for r in out:
        print("  " + headline(r) + ("  -- MISSED: " + "; ".join(r["bars_missed"]) if r["bars_missed"] else ""), flush=True)
    sys.exit(1 if any(r["bars_missed"] for r in out) else 0)


if __name__ == "__main__":
    main()

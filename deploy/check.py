#!/usr/bin/env python3
"""Static checks of the deployment files (no Docker engine or cluster needed).

    python3 deploy/check.py            # from the repository root; needs PyYAML

1. The YAML files parse: docker-compose.yml, the chart's Chart.yaml, values.yaml and ci/*.yaml.
2. Every setting name in the deployment files exists. GREENSCRIBE_* and greenscribe.* names are
   checked against the @ConfigurationProperties records (and @Value / @ConditionalOnProperty
   names) in src/main/java; SPRING_*, MANAGEMENT_* and SERVER_* names against the configuration
   metadata in the Spring Boot jars of pom.xml's version in ~/.m2 (skipped, and said so, when
   those jars are absent). Environment names are matched as Spring's relaxed binding reads them:
   dots to underscores, dashes dropped (or, the legacy form, dashes to underscores).
3. Compose: every service's named volumes are declared and every depends_on names a service.
4. Chart: every .Values path a template reads is in values.yaml.
5. When a `helm` binary is on PATH: `helm lint` and `helm template` with each ci/*.yaml, the
   rendered documents parse, and the names in them pass check 2.

Exit status 1 if anything failed.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHART = ROOT / "helm" / "greenscribe"
# Files whose setting names are checked (templates and docs as text).
SCANNED = ["Dockerfile", "docker-compose.yml", "deploy/compose.env.example", "docs/deploy.md",
           "helm/greenscribe/values.yaml", "helm/greenscribe/ci/*.yaml", "helm/greenscribe/templates/*"]
# GREENSCRIBE_* names that are not server settings.
NOT_SETTINGS = {"GREENSCRIBE_MODEL_CACHE"}  # models/fetch.py's wheel cache
ENV_NAME = re.compile(r"\b(?:GREENSCRIBE|SPRING|MANAGEMENT|SERVER)_[A-Z0-9_]*[A-Z0-9]\b")
DOTTED = re.compile(r"(?<![\w./-])(?:greenscribe|spring|management|server)\.[a-z][a-z0-9.-]*[a-z0-9]")
NOT_DOTTED = {"greenscribe.jar", "greenscribe.key"}

failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)
    print(f"  FAIL {msg}")


# ------------------------------------------------------------------ known property names

def kebab(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).lower()


def split_components(text: str) -> list[str]:
    """Split a record's component list at top-level commas."""
    parts, depth, cur, quoted = [], 0, "", False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "<(":
            depth += 1
        elif not quoted and ch in ">)":
            depth -= 1
        elif not quoted and ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        cur += ch
    if cur.strip():
        parts.append(cur)
    return parts


def record_components(source: str, record: str) -> list[tuple[str, str]]:
    """(type, name) of each component of `record Name(...)` in source."""
    m = re.search(r"\brecord\s+" + re.escape(record) + r"\s*\(", source)
    if not m:
        return []
    i, depth = m.end(), 1
    start = i
    while depth:
        depth += {"(": 1, ")": -1}.get(source[i], 0)
        i += 1
    body = re.sub(r"@\w+(\([^)]*\))?", "", source[start:i - 1])  # annotations and their arguments
    out = []
    for part in split_components(body):
        words = part.split()
        out.append((" ".join(words[:-1]), words[-1]))
    return out


def walk(source: str, record: str, prefix: str, leaves: set[str], maps: set[str]) -> None:
    for type_, name in record_components(source, record):
        prop = f"{prefix}.{kebab(name)}"
        base = type_.split("<")[0].split(".")[-1]
        if base == "Map":
            maps.add(prop)
        elif re.search(r"\brecord\s+" + re.escape(base) + r"\s*\(", source):
            walk(source, base, prop, leaves, maps)
        else:
            leaves.add(prop)


def greenscribe_properties() -> tuple[set[str], set[str]]:
    leaves: set[str] = set()
    maps: set[str] = set()
    for path in sorted((ROOT / "src/main/java").rglob("*.java")):
        source = path.read_text(encoding="utf-8")
        for m in re.finditer(r'@ConfigurationProperties\("([^"]+)"\)\s*(?:public\s+)?record\s+(\w+)', source):
            walk(source, m.group(2), m.group(1), leaves, maps)
        for m in re.finditer(r'\$\{(greenscribe\.[a-z0-9.-]+)[:}]', source):
            leaves.add(m.group(1))
        for m in re.finditer(r'@ConditionalOnProperty\("(greenscribe\.[a-z0-9.-]+)"\)', source):
            leaves.add(m.group(1))
    return leaves, maps


def spring_properties() -> tuple[set[str], set[str], str | None]:
    pom = (ROOT / "pom.xml").read_text(encoding="utf-8")
    version = re.search(r"<artifactId>spring-boot-starter-parent</artifactId>\s*<version>([^<]+)</version>", pom).group(1)
    jars = glob.glob(os.path.expanduser(f"~/.m2/repository/org/springframework/boot/*/{version}/*-{version}.jar"))
    leaves: set[str] = set()
    maps: set[str] = set()
    for jar in jars:
        with zipfile.ZipFile(jar) as z:
            if "META-INF/spring-configuration-metadata.json" not in z.namelist():
                continue
            meta = json.loads(z.read("META-INF/spring-configuration-metadata.json"))
        for p in meta.get("properties", []):
            (maps if p.get("type", "").startswith("java.util.Map") else leaves).add(p["name"])
    return leaves, maps, (version if leaves else None)


def env_forms(prop: str) -> set[str]:
    return {prop.replace(".", "_").replace("-", "").upper(), prop.replace(".", "_").replace("-", "_").upper()}


class Names:
    def __init__(self) -> None:
        gs_leaves, gs_maps = greenscribe_properties()
        sp_leaves, sp_maps, self.spring_version = spring_properties()
        self.leaves = gs_leaves | sp_leaves
        self.maps = gs_maps | sp_maps
        self.groups = {p.rsplit(".", i)[0] for p in self.leaves | self.maps for i in range(1, p.count(".") + 1)}
        self.env = {e: p for p in self.leaves for e in env_forms(p)}
        self.env_maps = {e: p for p in self.maps for e in env_forms(p)}
        self.greenscribe_count = len(gs_leaves) + len(gs_maps)

    def checkable(self, name: str) -> bool:
        return name.lower().startswith("greenscribe") or self.spring_version is not None

    def env_property(self, name: str) -> str | None:
        if name in self.env:
            return self.env[name]
        base = re.sub(r"_\d+$", "", name)  # list element: FOO_0
        if base in self.env:
            return self.env[base] + "[n]"
        for env, prop in self.env_maps.items():
            if name.startswith(env + "_"):
                return prop + ".<key>"
        return None

    def dotted_known(self, name: str) -> bool:
        return (name in self.leaves or name in self.groups
                or any(name.startswith(m + ".") for m in self.maps))


# ------------------------------------------------------------------ checks

def check_names(names: Names, label: str, text: str) -> int:
    text = re.sub(r'\b(?:define|include|template)\s+"[^"]*"', "", text)  # chart helper names
    seen = 0
    for env in sorted(set(ENV_NAME.findall(text)) - NOT_SETTINGS):
        if not names.checkable(env):
            continue
        seen += 1
        if names.env_property(env) is None:
            fail(f"{label}: {env} is no property of the server")
    for dotted in sorted(set(DOTTED.findall(text)) - NOT_DOTTED):
        if not names.checkable(dotted):
            continue
        seen += 1
        if not names.dotted_known(dotted):
            fail(f"{label}: {dotted} is no property of the server")
    return seen


def check_yaml_files() -> dict:
    docs = {}
    files = [ROOT / "docker-compose.yml", CHART / "Chart.yaml", CHART / "values.yaml", *sorted((CHART / "ci").glob("*.yaml"))]
    for f in files:
        try:
            docs[f.relative_to(ROOT).as_posix()] = yaml.safe_load(f.read_text(encoding="utf-8"))
            print(f"  ok   {f.relative_to(ROOT)} parses")
        except yaml.YAMLError as e:
            fail(f"{f.relative_to(ROOT)} does not parse: {e}")
    return docs


def check_compose(compose: dict) -> None:
    services = compose.get("services", {})
    declared = set((compose.get("volumes") or {}).keys())
    for name, svc in services.items():
        for v in svc.get("volumes", []):
            source = v.split(":")[0] if isinstance(v, str) else v.get("source", "")
            if source and not source.startswith((".", "/", "$", "~")) and source not in declared:
                fail(f"docker-compose.yml: service {name} mounts undeclared volume {source}")
        for dep in svc.get("depends_on", {}) or {}:
            if dep not in services:
                fail(f"docker-compose.yml: service {name} depends on unknown service {dep}")
        env = svc.get("environment", {})
        if isinstance(env, list):
            env = dict(e.split("=", 1) if "=" in e else (e, None) for e in env)
        print(f"  ok   compose service {name}: {len(env)} environment variable(s), image {svc.get('image')}")


def check_values_paths(values: dict) -> None:
    def has(path: list[str]) -> bool:
        node = values
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return False
            node = node[key]
        return True

    used = set()
    for t in sorted((CHART / "templates").iterdir()):
        used |= set(re.findall(r"\.Values\.([A-Za-z0-9_.]+)", t.read_text(encoding="utf-8")))
    for path in sorted(used):
        if not has(path.split(".")):
            fail(f"chart: templates read .Values.{path}, which values.yaml lacks")
    print(f"  ok   chart: {len(used)} .Values path(s) read by the templates, all checked against values.yaml")


def check_helm(names: Names) -> None:
    helm = shutil.which("helm")
    if not helm:
        print("  skip no helm binary on PATH: chart not rendered")
        return
    lint_values = sorted((CHART / "ci").glob("*.yaml"))
    for values in lint_values:
        rel = values.relative_to(ROOT)
        lint = subprocess.run([helm, "lint", "--strict", str(CHART), "-f", str(values)], capture_output=True, text=True)
        if lint.returncode != 0:
            fail(f"helm lint -f {rel}:\n{lint.stdout}{lint.stderr}")
        else:
            print(f"  ok   helm lint --strict -f {rel}")
        out = subprocess.run([helm, "template", "gs", str(CHART), "-f", str(values)], capture_output=True, text=True)
        if out.returncode != 0:
            fail(f"helm template -f {rel}: {out.stderr.strip()}")
            continue
        try:
            rendered = [d for d in yaml.safe_load_all(out.stdout) if d]
        except yaml.YAMLError as e:
            fail(f"helm template -f {rel}: output does not parse: {e}")
            continue
        kinds = ", ".join(f"{d['kind']}/{d['metadata']['name']}" for d in rendered)
        seen = check_names(names, f"rendered -f {rel}", out.stdout)
        print(f"  ok   helm template -f {rel}: {len(rendered)} documents ({kinds}); {seen} setting names")
    empty = subprocess.run([helm, "template", "gs", str(CHART)], capture_output=True, text=True)
    if empty.returncode == 0:
        fail("helm template without values rendered; it should refuse without database.url and secrets")
    else:
        reason = next((l for l in empty.stderr.splitlines() if l.startswith("Error")), empty.stderr.strip())
        print(f"  ok   helm template with the defaults refuses: {reason}")


def main() -> int:
    os.chdir(ROOT)
    print("YAML")
    docs = check_yaml_files()
    print("Setting names")
    names = Names()
    print(f"  ..   {names.greenscribe_count} greenscribe.* properties from src/main/java; Spring Boot metadata: "
          + (f"{names.spring_version} from ~/.m2" if names.spring_version else "not found, SPRING_* names not checked"))
    for pattern in SCANNED:
        for f in sorted(glob.glob(pattern)):
            before = len(failures)
            seen = check_names(names, f, Path(f).read_text(encoding="utf-8"))
            if len(failures) == before:
                print(f"  ok   {f}: {seen} setting name(s)" if seen else f"  ..   {f}: no setting names")
    print("Compose")
    if docs.get("docker-compose.yml"):
        check_compose(docs["docker-compose.yml"])
    print("Chart")
    if docs.get("helm/greenscribe/values.yaml"):
        check_values_paths(docs["helm/greenscribe/values.yaml"])
    check_helm(names)
    print(f"\n{'FAILED: ' + str(len(failures)) + ' problem(s)' if failures else 'all checks passed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

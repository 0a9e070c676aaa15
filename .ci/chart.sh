#!/usr/bin/env bash
# Renders the Helm chart and validates what it renders, offline:
#   1. helm lint --strict, with the chart's defaults and with each helm/greenscribe/ci/*.yaml;
#   2. helm template with each ci/*.yaml, piped to kubeconform -strict: every built-in kind is
#      checked against the Kubernetes $K8S_VERSION OpenAPI schemas (strict: unknown fields fail),
#      KEDA's ScaledObject and TriggerAuthentication against helm/greenscribe/ci/schemas/keda.sh/
#      (written from KEDA's CRDs, the fields the chart uses); any other kind fails (no
#      -ignore-missing-schemas), so a resource nothing checks cannot slip in;
#   3. the default values must fail to render (database.url and the secrets are required).
# Tools go into $GS_TOOLS (default ~/.cache/greenscribe-ci) the first time: helm and kubeconform by
# `go install` at pinned versions, and the Kubernetes schemas from the PyPI package
# kubernetes-validate (which ships them; no schema is fetched from the internet at run time).
set -euo pipefail
cd "$(dirname "$0")/.."

HELM_VERSION=v4.3.2
KUBECONFORM_VERSION=v0.8.0
KUBERNETES_VALIDATE_VERSION=1.37.0
K8S_VERSION=1.35.0
CHART=helm/greenscribe
TOOLS=${GS_TOOLS:-$HOME/.cache/greenscribe-ci}
BIN=$TOOLS/bin
SCHEMAS=$TOOLS/kubernetes-json-schema/v$K8S_VERSION-strict
mkdir -p "$BIN"

install_go_tool() { # name module@version: rebuilt when absent or built at another version
  local name=$1 module=$2 stamp=$BIN/.$1.version
  if [ ! -x "$BIN/$name" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$module" ]; then
    command -v go >/dev/null || { echo "chart.sh: go is needed to install $name" >&2; exit 1; }
    echo "chart.sh: installing $module" >&2
    GOBIN=$BIN go install "$module"
    echo "$module" > "$stamp"
  fi
}
install_go_tool helm helm.sh/helm/v4/cmd/helm@$HELM_VERSION
install_go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION

if [ ! -f "$SCHEMAS/deployment-apps-v1.json" ]; then
  echo "chart.sh: unpacking Kubernetes $K8S_VERSION schemas from kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" >&2
  wheels=$(mktemp -d)
  python3 -m pip download -q --no-deps --only-binary=:all: -d "$wheels" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
  # The package's schemas carry "$id": "https://kubernetes.io/api/..." and refer to one another as
  # "/api/_definitions.json" (its own loader maps that URL); kubeconform must resolve them on disk,
  # so the ids are dropped and the references made relative to the schema file.
  python3 - "$wheels"/kubernetes_validate-*.whl "v$K8S_VERSION-local-strict" "$SCHEMAS.tmp" <<'PY'
import json, pathlib, sys, zipfile
wheel, version, dest = sys.argv[1:]
prefix = f"kubernetes_validate/kubernetes-json-schema/{version}/"
out = pathlib.Path(dest)
out.mkdir(parents=True, exist_ok=True)
n = 0
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith(prefix) and name.endswith(".json"):
            text = z.read(name).decode().replace('"/api/_definitions.json#', '"_definitions.json#')
            schema = json.loads(text)
            schema.pop("$id", None)
            (out / name[len(prefix):]).write_text(json.dumps(schema))
            n += 1
if n < 100:
    sys.exit(f"only {n} schemas under {prefix}")
PY
  rm -rf "$SCHEMAS" "$wheels" && mv "$SCHEMAS.tmp" "$SCHEMAS"
fi

HELM=$BIN/helm
KUBECONFORM=$BIN/kubeconform
"$HELM" version --short

failed=0
"$HELM" lint --strict "$CHART" --set database.url=jdbc:postgresql://db:5432/gs --set secrets.existingSecret=s >/dev/null \
  || { echo "chart.sh: helm lint --strict failed on the defaults" >&2; failed=1; }
for values in "$CHART"/ci/*.yaml; do
  echo "== $values"
  "$HELM" lint --strict "$CHART" -f "$values" | grep -v '^$' || { failed=1; continue; }
  "$HELM" template gs "$CHART" -f "$values" \
    | "$KUBECONFORM" -strict -summary -kubernetes-version "$K8S_VERSION" \
        -schema-location "$SCHEMAS/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
        -schema-location "$CHART/ci/schemas/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json" \
    || failed=1
done
if "$HELM" template gs "$CHART" >/dev/null 2>&1; then
  echo "chart.sh: the defaults rendered, but database.url and the secrets must be required" >&2
  failed=1
fi
[ "$failed" = 0 ] && echo "chart.sh: chart renders and validates" || { echo "chart.sh: FAILED" >&2; exit 1; }

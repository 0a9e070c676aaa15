#!/usr/bin/env bash
# GPU benchmark in one run (issue 15): builds -Pcuda, runs the long-form benchmark and 1000 short
# clips through the server and through faster-whisper (float16, int8_float16), reads GPU memory
# after the jobs, after the model is unloaded and after the device cache is cleared, and writes one
# table: bench/results/gpu-<stamp>.md (step JSON beside it in bench/results/gpu-<stamp>/).
#
#   bench/gpu.sh              GPU mode where nvidia-smi sees a GPU, else CPU mode (below)
#   bench/gpu.sh --cpu-smoke  CPU mode: the CPU jar, CPU rows at a tiny size; GPU steps SKIPPED
#   bench/gpu.sh --check      only the preflight: what is there and what is missing
#
# Sized for one H100 with 16 cores: about 6-8 minutes (build ~1-2, long-form ~2, short clips ~3-4;
# estimates, never run on a GPU yet);
# GS_GPU_BUDGET (seconds, default 470) bounds the whole run: each step gets what is left.
#
# WHAT A GPU MACHINE NEEDS, AND WHY IT CANNOT ALL TRAVEL IN THE 64 MiB WORKING TREE
# The lent GPU machines have no network and no Java; the working tree that travels is at most
# 64 MiB. Measured on 2026-12-08:
#   - DJL's CUDA natives ai.djl.pytorch:pytorch-native-cu124:2.5.1:linux-x86_64 (the -Pcuda profile)
#     are one 2.46 GB jar (4.06 GB unpacked: libtorch_cuda.so alone 1.6 GB, cuDNN 9, cuBLAS 12),
#     38x the limit. DJL cannot use the machine's own PyTorch (2.11+cu130): its JNI library is
#     built per PyTorch version.
#   - target/greenscribe.jar (CPU) is 289 MiB, a JDK 17 about 260 MiB, and whisper-tiny.en's
#     model.bin alone is 72 MiB: not even the faster-whisper rows fit in one carry.
#   - the bench venv is Python 3.11 (the machine has 3.12); its ctranslate2 4.8.5 wheel DOES carry
#     CUDA (cudart linked in; it opens libcublas.so.12 at run time), ~150 MiB installed with av.
#     The machine's image has CUDA 13 libraries; libcublas.so.12 is not known to be there.
# So on today's lent machines the preflight stops the run at once, naming each missing piece
# (exit 3). It runs where they are present: a CUDA host with network (mvn fetches the natives), or
# with these in place, each one optional and looked for here:
#   GS_JAVA=path/to/java      or bench/gpu-kit/jre/bin/java, or java on PATH (17+)
#   target/greenscribe.jar    built with -Pcuda (checked by its BOOT-INF/lib), or mvn + ~/.m2 holding
#                             the cu124 natives (the build then runs offline, -o)
#   DJL_CACHE_DIR             or bench/gpu-kit/djl: DJL's cache (DJL_OFFLINE=true is always set; DJL
#                             unpacks the natives from the jar into it on first start)
#   BENCH_PY=python           or bench/.venv/bin/python, or python3 plus wheels in bench/gpu-kit/wheels
#                             (faster-whisper, ctranslate2, av, jiwer, rapidfuzz, ...: pip download
#                             --python-version 3.12, see /work/.library notes), installed to /tmp
#   GS_DATA=dir               or bench/gpu-kit/speech, or ../shared/data/speech (en-short, long-form)
#   models/whisper-tiny.en    a real folder (links do not travel)
# bench/gpu-kit/ is ignored by git; name it in the device tool's carry list.
#
# CPU mode needs the bench venv (bench/setup.sh), Maven and the models, as every CPU benchmark
# here does; run it under `flock /tmp/gs-heavy.lock nice -n 10 bench/gpu.sh --cpu-smoke` on a
# shared machine. It exits 0 when every CPU step passed; GPU steps are listed as SKIPPED.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=auto
case "${1:-}" in
  --cpu-smoke) mode=cpu ;;
  --check) mode=check ;;
  "") ;;
  *) echo "usage: bench/gpu.sh [--cpu-smoke|--check]" >&2; exit 2 ;;
esac
t_start=$(date +%s)
budget=${GS_GPU_BUDGET:-470}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
run_dir="bench/results/gpu-$stamp"
mkdir -p "$run_dir"
steps="$run_dir/steps.tsv"
: >"$steps"
failed=0

step() { # name status seconds note
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$steps"
  printf '[gpu.sh] %-44s %-8s %5s s  %s\n' "$1" "$2" "$3" "$4"
  [ "$2" = FAILED ] && failed=1
  return 0
}
left() { echo $((budget - ($(date +%s) - t_start))); }
run_step() { # name note command...: runs within what is left of the budget
  local name=$1 note=$2 t0 rc lim
  shift 2
  lim=$(left)
  if [ "$lim" -lt 20 ]; then
    step "$name" FAILED 0 "no time left in GS_GPU_BUDGET=$budget s"
    return 1
  fi
  t0=$(date +%s)
  timeout "$lim" "$@" 2>&1 | tee -a "$run_dir/log.txt"
  rc=${PIPESTATUS[0]}
  if [ "$rc" -eq 0 ]; then
    step "$name" OK $(($(date +%s) - t0)) "$note"
  else
    step "$name" FAILED $(($(date +%s) - t0)) "$note; exit $rc$([ "$rc" -eq 124 ] && echo ' (budget ran out)'); see $run_dir/log.txt"
  fi
  return "$rc"
}

# ---------------------------------------------------------------------------- preflight
gpu=no
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L 2>/dev/null | grep -q '^GPU'; then
  gpu=yes
fi
if [ "$mode" = auto ]; then mode=$([ "$gpu" = yes ] && echo gpu || echo cpu); fi
[ "$mode" = check ] && want=$([ "$gpu" = yes ] && echo gpu || echo cpu) || want=$mode

kit=bench/gpu-kit
[ -z "${GS_JAVA:-}" ] && [ -x "$kit/jre/bin/java" ] && GS_JAVA="$root/$kit/jre/bin/java"
export GS_JAVA=${GS_JAVA:-java}
# bin/greenscribe (the long-form rows) runs plain `java`
case "$GS_JAVA" in */*) export PATH="$(dirname "$GS_JAVA"):$PATH" ;; esac
[ -z "${DJL_CACHE_DIR:-}" ] && [ -d "$kit/djl" ] && export DJL_CACHE_DIR="$root/$kit/djl" ENGINE_CACHE_DIR="$root/$kit/djl"
[ -z "${GS_DATA:-}" ] && [ -d "$kit/speech" ] && GS_DATA="$root/$kit/speech"
GS_DATA=${GS_DATA:-$root/../shared/data/speech}
if [ -z "${BENCH_PY:-}" ]; then
  if [ -x bench/.venv/bin/python ]; then
    BENCH_PY=bench/.venv/bin/python
  elif [ -d "$kit/wheels" ]; then
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/gs-site \
      "$kit"/wheels/*.whl && export PYTHONPATH=/tmp/gs-site${PYTHONPATH:+:$PYTHONPATH}
    BENCH_PY=python3
  else
    BENCH_PY=python3
  fi
fi
# DJL's documented offline switch (env form of ai.djl.offline): natives only from the classpath/cache
export DJL_OFFLINE=true

missing=()
need() { # what, ok(0/1), gpu-only(0/1), how to fix
  if [ "$2" = 1 ]; then
    echo "[gpu.sh]   ok       $1"
  elif [ "$3" = 1 ] && [ "$want" = cpu ]; then
    echo "[gpu.sh]   (gpu)    $1: absent; only the GPU steps need it"
  else
    echo "[gpu.sh]   MISSING  $1: $4"
    missing+=("$1")
  fi
}
cuda_jar=0
[ -f target/greenscribe.jar ] && python3 -c 'import sys, zipfile
sys.exit(not any(n.startswith("BOOT-INF/lib/pytorch-native-cu") for n in zipfile.ZipFile(sys.argv[1]).namelist()))' \
  target/greenscribe.jar 2>/dev/null && cuda_jar=1
cu_natives=0
ls ~/.m2/repository/ai/djl/pytorch/pytorch-native-cu124/2.5.1/pytorch-native-cu124-2.5.1-linux-x86_64.jar >/dev/null 2>&1 && cu_natives=1
has() { command -v "$1" >/dev/null 2>&1 && echo 1 || echo 0; }
java_ok=0
"$GS_JAVA" -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])' && java_ok=1
py_ok=0
"$BENCH_PY" -c 'import faster_whisper, ctranslate2, jiwer, psutil, numpy' 2>/dev/null && py_ok=1
ct2_cuda=0
[ "$gpu" = yes ] && "$BENCH_PY" -c 'import ctranslate2,sys; sys.exit(ctranslate2.get_cuda_device_count() < 1)' 2>/dev/null && ct2_cuda=1
cublas12=0
"$BENCH_PY" -c 'import ctypes; ctypes.CDLL("libcublas.so.12")' 2>/dev/null && cublas12=1
echo "[gpu.sh] mode $mode (GPU seen: $gpu); preflight:"
need "a CUDA GPU (nvidia-smi -L)" "$([ "$gpu" = yes ] && echo 1 || echo 0)" 1 "no NVIDIA GPU is visible"
need "java 17+ ($GS_JAVA)" "$java_ok" 0 "install a JDK 17+, or set GS_JAVA / carry bench/gpu-kit/jre (jlink, ~60 MiB)"
if [ "$want" = gpu ]; then
  need "a -Pcuda build: target/greenscribe.jar with pytorch-native-cu124, or mvn + ~/.m2 holding it" \
    "$([ $cuda_jar = 1 ] || { [ "$(has mvn)" = 1 ] && [ $cu_natives = 1 ]; } && echo 1 || echo 0)" 1 \
    "DJL's CUDA natives (ai.djl.pytorch:pytorch-native-cu124:2.5.1:linux-x86_64) are 2.46 GB, far over the 64 MiB that travels; build here with: mvn -B -ntp -Pcuda package -DskipTests (network), or bring the jar on a disk"
else
  need "mvn (CPU build) or a built target/greenscribe.jar" "$([ "$(has mvn)" = 1 ] || [ -f target/greenscribe.jar ] && echo 1 || echo 0)" 0 "install Maven"
fi
need "models/whisper-tiny.en/model.bin" "$([ -f models/whisper-tiny.en/model.bin ] && echo 1 || echo 0)" 0 "python3 models/fetch.py whisper-tiny.en (75 MiB; a link does not travel)"
need "speech data ($GS_DATA/en-short)" "$([ -f "$GS_DATA/en-short/manifest.tsv" ] && echo 1 || echo 0)" 0 "set GS_DATA or copy en-short and long-form (17 MiB) to bench/gpu-kit/speech"
need "bench python ($BENCH_PY: faster_whisper, ctranslate2, jiwer, psutil)" "$py_ok" 0 "bench/setup.sh, or carry cp312 wheels in bench/gpu-kit/wheels"
need "ctranslate2 built with CUDA and seeing the GPU" "$ct2_cuda" 1 "the PyPI ctranslate2 4.8.5 wheel has CUDA; the GPU must be visible"
need "libcublas.so.12 (ctranslate2's CUDA 12 cuBLAS)" "$cublas12" 1 "pip wheel nvidia-cublas-cu12 (~500 MiB, over the 64 MiB carry), on LD_LIBRARY_PATH"
if [ ${#missing[@]} -gt 0 ]; then
  step preflight FAILED 0 "missing: $(IFS=';'; echo "${missing[*]}")"
  echo "[gpu.sh] stopping before any step: ${#missing[@]} requirement(s) missing (above)." >&2
  exit 3
fi
step preflight OK 0 "mode $mode"
[ "$mode" = check ] && { rm -rf "$run_dir"; exit 0; }

# ---------------------------------------------------------------------------- build
# a jar built after the last change to pom/src is reused; the -Pcuda build runs offline (no network there)
fresh=0
[ -f target/greenscribe.jar ] && [ -z "$(find pom.xml src db -newer target/greenscribe.jar -print -quit)" ] && fresh=1
if [ "$mode" = gpu ]; then
  if [ $cuda_jar = 1 ] && { [ $fresh = 1 ] || [ "$(has mvn)" = 0 ]; }; then
    step "build -Pcuda" OK 0 "reused target/greenscribe.jar (built with pytorch-native-cu124)"
  else
    run_step "build -Pcuda" "mvn -o -Pcuda package -DskipTests" mvn -B -ntp -o -q -Pcuda package -DskipTests || exit 1
  fi
else
  step "build -Pcuda" SKIPPED 0 "needs the 2.46 GB CUDA natives; run on the GPU machine"
  if [ $fresh = 1 ] && [ $cuda_jar = 0 ]; then
    step "build (CPU)" OK 0 "reused target/greenscribe.jar (newer than pom/src)"
  else
    run_step "build (CPU)" "mvn package -DskipTests" mvn -B -ntp -q package -DskipTests || exit 1
  fi
fi

# ---------------------------------------------------------------------------- benchmarks
export PYTHONUNBUFFERED=1
py=$BENCH_PY # a command, not a function: run_step runs it under timeout
if [ "$mode" = gpu ]; then
  threads=${GS_THREADS:-8}
  run_step "long-form en, cuda (10 min built + 4 dev files)" \
    "greenscribe defaults, fw float16 and int8_float16" \
    "$py" bench/longform_bench.py --device cuda --threads "$threads" --languages en --min-minutes 10 \
    --systems greenscribe,fw-float16,fw-int8_float16 --timeout 150 --out-dir "$run_dir/longform"
  run_step "1000 short clips, cuda: server + fw" "server then unload, clear-cache; fw float16, int8_float16" \
    "$py" bench/gpu_bench.py short --device cuda --jobs "${GS_JOBS:-1000}" --threads "$threads" \
    --compute-types float16,int8_float16 --timeout 150 --data "$GS_DATA" --out "$run_dir/short.json"
else
  threads=${GS_THREADS:-2}
  step "long-form en, cuda" SKIPPED 0 "needs a GPU"
  step "1000 short clips, cuda: server + fw float16/int8_float16" SKIPPED 0 "needs a GPU"
  step "GPU memory after unload / clear-cache" SKIPPED 0 "needs a GPU; CPU mode reads VmRSS at the same points"
  run_step "long-form en, cpu smoke (1 built round, no dev files)" "greenscribe, fw float32" \
    "$py" bench/longform_bench.py --device cpu --threads "$threads" --languages en --min-minutes 0.1 --no-dev \
    --systems greenscribe,fw --timeout 200 --out-dir "$run_dir/longform"
  run_step "${GS_JOBS:-12} short clips, cpu smoke: server + fw" "server then unload, clear-cache; fw int8, float32" \
    "$py" bench/gpu_bench.py short --device cpu --jobs "${GS_JOBS:-12}" --threads "$threads" \
    --compute-types int8,float32 --timeout 200 --data "$GS_DATA" --out "$run_dir/short.json"
fi

# ---------------------------------------------------------------------------- the table
lf=$(ls "$run_dir"/longform/longform-*.json 2>/dev/null | tail -1)
"$py" bench/gpu_bench.py report --steps "$steps" --short "$run_dir/short.json" ${lf:+--longform "$lf"} \
  --header "Mode: $mode; \`bench/gpu.sh${1:+ $1}\`; $(($(date +%s) - t_start)) s; GS_GPU_BUDGET=$budget" \
  --out "bench/results/gpu-$stamp.md" >/dev/null || failed=1
echo "[gpu.sh] table: bench/results/gpu-$stamp.md ($(($(date +%s) - t_start)) s)"
cat "bench/results/gpu-$stamp.md"
exit $failed

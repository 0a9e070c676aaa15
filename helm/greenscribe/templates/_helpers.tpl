{{/* Names and labels, in the shape `helm create` gives them. */}}
{{- define "greenscribe.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "greenscribe.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "greenscribe.selectorLabels" -}}
app.kubernetes.io/name: {{ include "greenscribe.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "greenscribe.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "greenscribe.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "greenscribe.cpuImage" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "greenscribe.cudaImage" -}}
{{ .Values.cudaImage.repository }}:{{ .Values.cudaImage.tag | default (printf "%s-cuda" .Chart.AppVersion) }}
{{- end }}

{{- define "greenscribe.secretName" -}}
{{ .Values.secrets.existingSecret | default (include "greenscribe.fullname" .) }}
{{- end }}

{{- define "greenscribe.uploadsClaim" -}}
{{ .Values.persistence.uploads.existingClaim | default (printf "%s-uploads" (include "greenscribe.fullname" .)) }}
{{- end }}

{{/*
Pod annotations both deployments share: a checksum of the settings, so that changing them rolls
the pods (environment variables are read only at start), and the optional scrape annotations.
*/}}
{{- define "greenscribe.podAnnotations" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ include (print .Template.BasePath "/secret.yaml") . | sha256sum }}
{{- if .Values.metrics.podAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/path: /actuator/prometheus
prometheus.io/port: "8080"
{{- end }}
{{- end }}

{{/* Non-root as the image's user (uid 10001); fsGroup makes the uploads claim writable to it. */}}
{{- define "greenscribe.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The root filesystem stays writable: DJL and JavaCPP unpack their natives under $HOME at start. */}}
{{- define "greenscribe.containerSecurityContext" -}}
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
{{- end }}

{{- define "greenscribe.envFrom" -}}
- configMapRef:
    name: {{ include "greenscribe.fullname" . }}
- secretRef:
    name: {{ include "greenscribe.secretName" . }}
{{- end }}

{{/* Liveness and readiness groups of Spring Boot's health endpoint; public, no API key. */}}
{{- define "greenscribe.probes" -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
  periodSeconds: {{ .Values.probes.startup.periodSeconds }}
  failureThreshold: {{ .Values.probes.startup.failureThreshold }}
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
  periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
  failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: http
  periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
  failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
{{- end }}

{{- define "greenscribe.volumeMounts" -}}
- name: uploads
  mountPath: /opt/greenscribe/data/audio
- name: work
  mountPath: /opt/greenscribe/data/work
{{- if .Values.persistence.models.existingClaim }}
- name: models
  mountPath: /opt/greenscribe/models
  readOnly: true
{{- end }}
{{- if .Values.carbonTrace.configMap }}
- name: carbon-trace
  mountPath: /opt/greenscribe/carbon
  readOnly: true
{{- end }}
{{- end }}

{{- define "greenscribe.volumes" -}}
- name: uploads
  persistentVolumeClaim:
    claimName: {{ include "greenscribe.uploadsClaim" . }}
- name: work
  emptyDir:
    sizeLimit: {{ .Values.persistence.work.sizeLimit }}
{{- if .Values.persistence.models.existingClaim }}
- name: models
  persistentVolumeClaim:
    claimName: {{ .Values.persistence.models.existingClaim }}
    readOnly: true
{{- end }}
{{- if .Values.carbonTrace.configMap }}
- name: carbon-trace
  configMap:
    name: {{ .Values.carbonTrace.configMap }}
{{- end }}
{{- end }}

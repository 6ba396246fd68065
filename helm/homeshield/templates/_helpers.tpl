{{- define "homeshield.fullname" -}}
{{- if contains "homeshield" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-homeshield" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "homeshield.labels" -}}
app.kubernetes.io/name: homeshield
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "homeshield.selector" -}}
app.kubernetes.io/name: homeshield
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* An environment variable read from a Secret: (list "ENV_NAME" secretName key) */}}
{{- define "homeshield.secretEnv" -}}
- name: {{ index . 0 }}
  valueFrom:
    secretKeyRef:
      name: {{ index . 1 | quote }}
      key: {{ index . 2 | quote }}
{{- end -}}

{{/* Rules a schema cannot say */}}
{{- define "homeshield.checks" -}}
{{- if lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas) -}}
{{- fail "autoscaling.maxReplicas must not be below autoscaling.minReplicas" -}}
{{- end -}}
{{- if and .Values.ingress.enabled (not .Values.ingress.trustedProxies) -}}
{{- fail "ingress.trustedProxies must name the ingress controller's addresses, or the application cannot tell https requests from forged X-Forwarded-Proto headers" -}}
{{- end -}}
{{- if ge (int .Values.shutdownTimeoutSeconds) (int .Values.terminationGracePeriodSeconds) -}}
{{- fail "shutdownTimeoutSeconds must be shorter than terminationGracePeriodSeconds, or Kubernetes kills replicas mid-request" -}}
{{- end -}}
{{- if and .Values.flowExport.enabled (empty .Values.flowExport.exporterRanges) -}}
{{- fail "flowExport.exporterRanges must list the routers' source ranges when flowExport is enabled: the UDP port is never open to everyone" -}}
{{- end -}}
{{- end -}}

{{- define "homeshield.labels" -}}
app.kubernetes.io/name: homeshield
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}
{{- define "homeshield.selector" -}}
app.kubernetes.io/name: homeshield
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

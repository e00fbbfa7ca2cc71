#!/usr/bin/env python3
"""Writes a generated Kubernetes manifest corpus for bench/manifests-vs-kubeconform.sh.

    bench/generate-manifests.py OUT_DIR RESOURCES FILES [--checks schema|all] [--small]

Writes OUT_DIR/deploy/ with RESOURCES objects spread evenly over FILES files (FILES=1: one big file), and
OUT_DIR/ascent.yaml, a checklist naming deploy/ with either only manifest.schema and manifest.api-version on
(--checks schema, the default) or every manifest check on (--checks all). Each file holds one application:
a Deployment, its Service, ConfigMap, ServiceAccount and PodDisruptionBudget (five objects), every name and
label unique to the file, all valid against the Kubernetes 1.31 schemas and written the way people write them
(probes, resources, security context), so that both tools do the same full validation and find nothing.
--small writes only the Service, ConfigMap and ServiceAccount of each application (about 190 bytes an object),
so that 50,000 objects fit one file under Ascent's 16 MiB limit for a manifest file.
Prints the apiVersion/kind pairs used, one a line, for the schema export.
"""
import os
import sys

TARGET = "1.31"

CHECKS = [
    "manifest.shape", "manifest.api-version", "manifest.schema", "manifest.resources", "manifest.probes",
    "manifest.image-tag", "manifest.run-as-non-root", "manifest.privileged", "manifest.host-namespaces",
    "manifest.read-only-root-filesystem", "manifest.pod-disruption-budget", "manifest.service-selector",
]
SCHEMA_ONLY = {"manifest.schema", "manifest.api-version"}

KINDS = ["apps/v1 Deployment", "v1 Service", "v1 ConfigMap", "v1 ServiceAccount", "policy/v1 PodDisruptionBudget"]


def application(n):
    name = f"app-{n:06d}"
    return [f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  labels:
    app: {name}
    tier: backend
  annotations:
    description: "generated application {n}"
spec:
  replicas: 2
  revisionHistoryLimit: 3
  selector:
    matchLabels:
      app: {name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
      maxSurge: 25%
  template:
    metadata:
      labels:
        app: {name}
        tier: backend
    spec:
      serviceAccountName: {name}
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
      containers:
        - name: server
          image: registry.example.com/team/{name}:1.{n % 40}.{n % 7}
          imagePullPolicy: IfNotPresent
          args: ["--port=8080", "--log-level=info"]
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          env:
            - name: PORT
              value: "8080"
            - name: CONFIG
              valueFrom:
                configMapKeyRef:
                  name: {name}
                  key: settings.json
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
            limits:
              cpu: 500m
              memory: 128Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
            initialDelaySeconds: 2
            periodSeconds: 10
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            failureThreshold: 3
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            privileged: false
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {{}}
""", f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
  labels:
    app: {name}
spec:
  type: ClusterIP
  selector:
    app: {name}
  ports:
    - name: http
      port: 80
      targetPort: 8080
      protocol: TCP
""", f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}
  labels:
    app: {name}
data:
  settings.json: |
    {{"name": "{name}", "replicas": 2, "debug": false}}
  LOG_LEVEL: info
""", f"""apiVersion: v1
kind: ServiceAccount
metadata:
  name: {name}
  labels:
    app: {name}
automountServiceAccountToken: false
""", f"""apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {name}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: {name}
"""]


def checklist(checks):
    lines = ["apiVersion: ascent.dev/v1", "kind: Checklist", "metadata:", "  name: bench-manifests",
             "  owner: team-bench",
             # The comparison is manifest validation: the repository rules' secret scan is not kubeconform's job.
             "repository:", "  secrets:", "    scan: false", "kubernetes:", f'  version: "{TARGET}"', "  strict: true", "  manifests:",
             "    - deploy/", "  checks:"]
    for check in CHECKS:
        if checks == "all" or check in SCHEMA_ONLY:
            continue
        lines += [f"    {check}:", "      enabled: false"]
    if checks == "all":
        lines[-1:] = []
    return "\n".join(lines) + "\n"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    small = "--small" in sys.argv
    checks = "all" if "--checks" in sys.argv and sys.argv[sys.argv.index("--checks") + 1] == "all" else "schema"
    if len(args) < 3:
        sys.exit(__doc__)
    out, resources, files = args[0], int(args[1]), int(args[2])
    deploy = os.path.join(out, "deploy")
    os.makedirs(deploy, exist_ok=True)
    per_file = -(-resources // files)
    written = 0
    for f in range(files):
        with open(os.path.join(deploy, f"app-{f:06d}.yaml"), "w") as handle:
            count = min(per_file, resources - written)
            docs = []
            app = f * per_file // 5
            while len(docs) < count:
                docs += application(app)[1:4] if small else application(app)
                app += 1
            handle.write("---\n".join(docs[:count]))
            written += count
    with open(os.path.join(out, "ascent.yaml"), "w") as handle:
        handle.write(checklist(checks))
    print("\n".join(KINDS))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds Ascent's bundle of ClusterAPI CRD schemas from ClusterAPI's Go modules.

For every ClusterAPI minor release from 1.0 on, downloads (through the Go module proxy, with `go mod download`)
the module sigs.k8s.io/cluster-api at the release's pinned patch and, when the proxy serves it, the module
sigs.k8s.io/cluster-api/test, which holds the Docker infrastructure provider (CAPD) that kind users run. Checks
each module zip against the `h1:` sum pinned below (computed here from the zip, as Go's dirhash does), reads every
CustomResourceDefinition under `*/config/crd/bases/` in it, and keeps the `openAPIV3Schema` of each served
version with its descriptions removed. Writes one zip:

  index.json              {"format": 1, "generated": DATE, "releases": ["1.0", ...], "sources": [...]}
  releases/<X.Y>.json     {"release": "1.9", "modules": {...}, "missing": [...],
                           "kinds": {"cluster.x-k8s.io/v1beta1 Cluster":
                                     {"crd": "clusters.cluster.x-k8s.io", "schema": "<blob id>"}, ...}}
  blobs/<blob id>.json    one openAPIV3Schema (descriptions removed); the id is the first 16 hex digits of the
                          sha256 of its canonical JSON, so a schema unchanged between releases is stored once

Everything else in the schema is kept as the CRD has it: types, properties, required, enums, bounds, patterns,
formats, defaults, nullable, combinators and the x-kubernetes-* markers (int-or-string, preserve-unknown-fields,
embedded-resource, list and map types, validations), so that Ascent converts it exactly as it converts a CRD found
among the manifests.

Deterministic: entries sorted, fixed timestamps, canonical JSON; the same modules and --date give the same bytes.

Usage: python3 generate.py [--date YYYY-MM-DD] [--out PATH] [--work DIR] [--go PATH]
Needs Go (for `go mod download`; the proxy must be reachable) and PyYAML. The module zips stay in --work
(git-ignored); never commit them.
"""
import argparse
import base64
import datetime
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile

import yaml

CORE = "sigs.k8s.io/cluster-api"
TEST = "sigs.k8s.io/cluster-api/test"

# release -> {module: (version, h1 sum)}; a module missing from a release is listed in MISSING with the reason.
# The newest patch of each minor release whose module zip the Go module proxy served on 2026-12-01 (newer
# patches exist for 1.11, 1.12, 1.13 and 1.14: the proxy answered "403 This module version is not available"
# for them, and 404 for the test module of 1.0-1.3, 1.11 and 1.12, which it does not have).
MODULES = {
    "1.0": {CORE: ("v1.0.5", "h1:MnUxDc6N/K8wPHIAJa+2GnCsWVkUQPqjf05a+TtTs3Y=")},
    "1.1": {CORE: ("v1.1.6", "h1:fd0ap613+3YgKjZ28cN6GzPo5czyTcuyGPV4U60RtjA=")},
    "1.2": {CORE: ("v1.2.12", "h1:/1iFgWUR3Z+KZU9B4PJegmlQQo6uzQXBZNgOk63SLu4=")},
    "1.3": {CORE: ("v1.3.10", "h1:ldjBbdHnqBWvQnubB9WwuK3zYudtyt0CxWkjHfTd+mE=")},
    "1.4": {CORE: ("v1.4.9", "h1:3cS3r09k/iCEKbV3OJvPOVwF/bZtD3BhTRx2oGa+fO8="),
            TEST: ("v1.4.9", "h1:Gw+F6hDCdUTrxFHKugesSC8RBiTGn7K5K/6Of/CDv/I=")},
    "1.5": {CORE: ("v1.5.8", "h1:flOuCuCDX129aqZ9qN0l1a6ZKdWTOlJGZgDOQlccP8w="),
            TEST: ("v1.5.8", "h1:IIdc2xH2kfg/yNrn4os8c1bQn0nSi0fjRQizaF7buxY=")},
    "1.6": {CORE: ("v1.6.8", "h1:CLA37h6daPtNT2RHO0bDCjIfvLPFUgut6m1weXAi7pk="),
            TEST: ("v1.6.8", "h1:hFecsLIzT8Sg5rjL4Ew2EaxRlX6OCJ0TOtmjEzxkFyw=")},
    "1.7": {CORE: ("v1.7.9", "h1:BsxYnCCY4/zaQSqu3lLL+27ohhxY6kH0N6clbRtNn9M="),
            TEST: ("v1.7.9", "h1:rdLCo1/cTCdrnDY1AkTYh2Ly0dMWIMMIXlEo4b37Os4=")},
    "1.8": {CORE: ("v1.8.12", "h1:+nZAMzO1DXERArdgmhp+igi2HiyXyi8wxHFb0cl+tgQ="),
            TEST: ("v1.8.12", "h1:VYniTd3wEgMsaTQuRqYBWN7bcw+1IjPJ5kTi0aFRsMQ=")},
    "1.9": {CORE: ("v1.9.11", "h1:bWOKVdg9UDxCaLQE5E5nDKFpca63jlcgmSx2wun/2+Q="),
            TEST: ("v1.9.11", "h1:2aEOb499Z7vVYl+PxIS/j01R9ycXteladgx0OXchFUM=")},
    "1.10": {CORE: ("v1.10.10", "h1:GF9B04puY1IrK9l8nc7xZaDITvKEkPtFAzccfgN4Gp0="),
             TEST: ("v1.10.10", "h1:himbsoB2Yu1bY7il/qSwXzAVN2zWHGef+nxJw4eqqQI=")},
    "1.11": {CORE: ("v1.11.10", "h1:KWbs71D5tgZ/I9r1eRWz54RVPGkqI3JClZgB7rTtJto=")},
    "1.12": {CORE: ("v1.12.10", "h1:hllwEOtVfotdi+i1/HnVO9B5CJLgr5SBBtBL9yRtFEs=")},
    "1.13": {CORE: ("v1.13.6", "h1:imZVIstbRIq2DoKftQv0wPm+vyhWXrE3Zft8E43maqo="),
             TEST: ("v1.13.8", "h1:Beq2n8NBxHfVGmKCrNv8tIA88mQqUeof0/Wkjn5Dmqs=")},
    "1.14": {CORE: ("v1.14.2", "h1:o3GFNaeNFAOEEMpDPfhCK+2CjmV6gtQ8yLEcUwCg7bA="),
             TEST: ("v1.14.4", "h1:9L73Olk8zmCyx0n6MLGV5UEbqAFiw8DuxjShN+ZYsYI=")},
}
MISSING_TEST = "the Go module proxy does not serve " + TEST + " for this release"
# In a module zip every file is under "<module path>@<version>/".
CRD_PATH = re.compile(r"^[^@]+@[^/]+/((?:.*/)?config/crd/bases/[^/]+\.ya?ml)$")
# Schema keywords that only document; everything else is kept.
DROP = {"description", "example", "externalDocs", "title"}
DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ascent-core", "src", "main",
                           "resources", "io", "ascent", "core", "manifest", "schema", "clusterapi",
                           "clusterapi-schemas.zip")


def release_key(release):
    major, minor = release.split(".")
    return int(major), int(minor)


def download(go, module, version, work):
    """The module zip's path, downloaded through the proxy into work/modcache (kept for reruns)."""
    env = dict(os.environ, GOSUMDB="off", GOFLAGS="-modcacherw", GOMODCACHE=os.path.join(work, "modcache"),
               GO111MODULE="on")
    result = subprocess.run([go, "mod", "download", "-json", module + "@" + version], env=env, cwd=work,
                            capture_output=True, text=True)
    info = json.loads(result.stdout) if result.stdout.strip() else {}
    if result.returncode != 0 or info.get("Error") or not info.get("Zip"):
        raise SystemExit("go mod download %s@%s failed: %s%s" % (module, version, info.get("Error", ""),
                                                                 result.stderr.strip()))
    return info["Zip"]


def h1(zip_path):
    """Go's dirhash.Hash1 of a module zip: sha256 of the sorted 'sha256  name' lines of its files."""
    lines = []
    with zipfile.ZipFile(zip_path) as z:
        for name in sorted(z.namelist()):
            if name.endswith("/"):
                continue
            lines.append("%s  %s\n" % (hashlib.sha256(z.read(name)).hexdigest(), name))
    return "h1:" + base64.b64encode(hashlib.sha256("".join(lines).encode("utf-8")).digest()).decode("ascii")


def strip(node, keyword_level=True):
    """The schema without documentation keywords; names under properties are data and are all kept."""
    if isinstance(node, list):
        return [strip(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if keyword_level and key in DROP:
            continue
        if key == "properties" and isinstance(value, dict):
            out[key] = {name: strip(schema) for name, schema in value.items()}
        elif key in ("default", "enum"):
            out[key] = value  # values, not schemas
        elif key == "x-kubernetes-validations" and isinstance(value, list):
            out[key] = value
        else:
            out[key] = strip(value)
    return out


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def crds(zip_path):
    """(path inside the module, CRD document) for every CRD under */config/crd/bases/ of the module zip."""
    found = []
    with zipfile.ZipFile(zip_path) as z:
        for name in sorted(z.namelist()):
            match = CRD_PATH.match(name)
            if not match:
                continue
            for doc in yaml.load_all(z.read(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
                if isinstance(doc, dict) and doc.get("kind") == "CustomResourceDefinition":
                    found.append((match.group(1), doc))
    return found


PROVENANCE = """# Provenance of clusterapi-schemas.zip

GENERATED by `tools/clusterapi-schemas/generate.py` on {date} (run `python3 generate.py --date {date}` in that
folder to reproduce it byte for byte; the module zips it reads are not committed).

Source: the CustomResourceDefinitions under `*/config/crd/bases/` of ClusterAPI's Go modules
`sigs.k8s.io/cluster-api` and `sigs.k8s.io/cluster-api/test` (the Docker infrastructure provider, CAPD),
https://github.com/kubernetes-sigs/cluster-api, licensed under the **Apache License 2.0** (The Kubernetes Authors).
Downloaded through the Go module proxy with `go mod download`; each zip's `h1:` sum (Go's dirhash of the zip) is
pinned in the generator and checked.

| ClusterAPI release | sigs.k8s.io/cluster-api | sigs.k8s.io/cluster-api/test (CAPD) |
| --- | --- | --- |
{rows}
Content: {releases} releases ({first} to {last}), the `openAPIV3Schema` of every served version of every CRD,
{blobs} distinct schemas after deduplication; {raw:,} bytes uncompressed, {zipped:,} bytes zipped.

Modifications: the keywords `description`, `example`, `externalDocs` and `title` are removed from the schemas
(size); nothing else is changed. Versions a release does not serve are left out.
"""


def provenance_rows(releases, ordered):
    for release in ordered:
        modules = releases[release]["modules"]
        cells = []
        for module in (CORE, TEST):
            if module in modules:
                cells.append("%s `%s`" % (modules[module], MODULES[release][module][1]))
            else:
                cells.append("not bundled: " + releases[release]["missing"][module])
        yield "| %s | %s |\n" % (release, " | ".join(cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--work", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "build"))
    parser.add_argument("--go", default="go")
    parser.add_argument("--date", default=datetime.date.today().isoformat(),
                        help="date written into index.json (keep it to reproduce the bytes)")
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)

    blobs = {}
    releases = {}
    sources = {}
    for release in sorted(MODULES, key=release_key):
        kinds = {}
        modules = {}
        for module in (CORE, TEST):
            if module not in MODULES[release]:
                continue
            version, pinned = MODULES[release][module]
            path = download(args.go, module, version, work)
            digest = h1(path)
            if digest != pinned:
                raise SystemExit("%s@%s: the zip's sum is %s, pinned %s" % (module, version, digest, pinned))
            modules[module] = version
            sources.setdefault((module, version), {"module": module, "version": version, "sum": digest,
                                                   "releases": []})["releases"].append(release)
            for path_in_module, doc in crds(path):
                spec = doc.get("spec", {})
                group, kind = spec.get("group"), spec.get("names", {}).get("kind")
                for v in spec.get("versions") or []:
                    if not v.get("served", True):
                        continue  # the API server refuses it; manifest.api-version says so
                    schema = (v.get("schema") or {}).get("openAPIV3Schema")
                    if schema is None:
                        raise SystemExit("%s %s: version %s has no schema" % (path, kind, v["name"]))
                    text = canonical(strip(schema))
                    blob = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
                    blobs[blob] = text
                    key = "%s/%s %s" % (group, v["name"], kind)
                    if key in kinds:
                        raise SystemExit("%s: %s defined twice" % (release, key))
                    kinds[key] = {"crd": doc["metadata"]["name"], "schema": blob,
                                  "module": "%s@%s" % (module, version), "file": path_in_module}
        missing = {} if TEST in MODULES[release] else {TEST: MISSING_TEST}
        releases[release] = {"release": release, "modules": dict(sorted(modules.items())),
                             "missing": missing, "kinds": dict(sorted(kinds.items()))}
        print("ClusterAPI %s: %d kinds (%s)" % (release, len(kinds), ", ".join(
            "%s@%s" % m for m in sorted(modules.items()))), file=sys.stderr)

    ordered = sorted(releases, key=release_key)
    index = {"format": 1, "generated": args.date, "releases": ordered,
             "sources": sorted(sources.values(), key=lambda s: (s["module"], release_key(s["releases"][0])))}
    buffer = io.BytesIO()
    fixed = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same input gives the same bytes
    entries = [("index.json", canonical(index))]
    entries += [("releases/%s.json" % r, canonical(releases[r])) for r in ordered]
    entries += [("blobs/%s.json" % b, blobs[b]) for b in sorted(blobs)]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name, text in entries:
            info = zipfile.ZipInfo(name, fixed)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, text)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "wb") as f:
        f.write(buffer.getvalue())
    raw = sum(len(text.encode("utf-8")) for _, text in entries)
    provenance = os.path.join(os.path.dirname(os.path.abspath(args.out)), "PROVENANCE.md")
    with open(provenance, "w", encoding="utf-8") as f:
        f.write(PROVENANCE.format(date=args.date, releases=len(ordered), first=ordered[0], last=ordered[-1],
                                  blobs=len(blobs), raw=raw, zipped=len(buffer.getvalue()),
                                  rows="".join(provenance_rows(releases, ordered))))
    print("%d releases, %d distinct schemas, %d bytes uncompressed, %d bytes zipped -> %s"
          % (len(ordered), len(blobs), raw, len(buffer.getvalue()), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()

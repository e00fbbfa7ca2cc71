#!/usr/bin/env python3
"""Builds Ascent's bundle of Kubernetes JSON schemas from PyPI's kubernetes-validate wheels.

The wheels ship, for every Kubernetes minor release's .0, a folder `vX.Y.0-local-strict` with a
`_definitions.json` (every OpenAPI definition, strict: additionalProperties false) and one file per kind
that refers into it. This script reads only the definitions, normalises them to draft-07 JSON Schema,
deduplicates identical definitions across releases by content hash, and writes one zip:

  index.json                 {"format": 2, "generated": DATE, "sources": [...], "versions": ["1.22", ...]}
  versions/<X.Y>.json        {"kinds": {"apps/v1 Deployment": "io.k8s..."}, "definitions": {"io.k8s...": "<blob id>"}}
  blobs/<blob id>.json       one normalised definition; "$ref"s point at "#/definitions/<name>"

Normalisation (see docs/schemas.md): descriptions and x-kubernetes-* annotations other than
int-or-string / preserve-unknown-fields / embedded-resource are dropped; "null" is removed from type lists
(Ascent treats a null value as an absent key, as the API server does); the int-or-string and quantity
`oneOf`s become type lists (Quantity is number-or-string in every release: the 1.22..1.24 wheels say
integer-or-string, which the API server is not); formats other than date-time are dropped (int32, int64, double, byte are
not validated by Ascent nor by the API server's schema step).

Usage: python3 generate.py [--out PATH] [--work DIR]
Needs pip and network access to PyPI; nothing else.
"""
import argparse
import datetime
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile

# (wheel version, sha256 of the wheel, minors taken from it). The newest wheel ships 1.25..1.37;
# 1.22..1.24 come from the last wheel that still carried them.
WHEELS = [
    ("1.28.3", "916b8539c570958ca4742a09d42c9a29b7b89bfb3a04972a40abfa63f797b850", range(22, 25)),
    ("1.37.0", "85136d018a27b50ec7fc049d902bfa5193f5976807e6c0f408e3ab6fe078cad9", range(25, 38)),
]
KEEP_EXTENSIONS = {
    "x-kubernetes-int-or-string",
    "x-kubernetes-preserve-unknown-fields",
    "x-kubernetes-embedded-resource",
}
DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ascent-core", "src", "main",
                           "resources", "io", "ascent", "core", "manifest", "schema", "k8s-schemas.zip")
QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"
REF = re.compile(r"^(?:[^#]*)#/(?:\$defs|definitions)/(.+)$")


def download(version, work):
    target = os.path.join(work, "wheels")
    os.makedirs(target, exist_ok=True)
    name = "kubernetes_validate-%s-py3-none-any.whl" % version
    path = os.path.join(target, name)
    if not os.path.exists(path):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                        "kubernetes-validate==%s" % version, "-d", target], check=True)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return path, digest


def normalise(node, where):
    if isinstance(node, list):
        return [normalise(x, where) for x in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ("description", "$schema", "$id"):
            continue
        if key.startswith("x-kubernetes-") and key not in KEEP_EXTENSIONS:
            continue
        if key == "format" and value != "date-time":
            continue
        if key == "$ref":
            m = REF.match(value)
            if not m:
                raise SystemExit("unexpected $ref %r in %s" % (value, where))
            out[key] = "#/definitions/" + m.group(1)
            continue
        if key == "type" and isinstance(value, list):
            types = [t for t in value if t != "null"]
            out[key] = types[0] if len(types) == 1 else types
            continue
        if key == "properties":
            # property names are data, not keywords: normalise only their schemas
            out[key] = {name: normalise(schema, where + "/" + name) for name, schema in value.items()}
            continue
        out[key] = normalise(value, where)
    # int-or-string and quantity: oneOf [string, integer|number] is a plain type list
    one_of = out.get("oneOf")
    if isinstance(one_of, list) and all(isinstance(b, dict) and set(b) == {"type"} for b in one_of):
        types = []
        for branch in one_of:
            t = branch["type"]
            types.extend(t if isinstance(t, list) else [t])
        del out["oneOf"]
        out["type"] = sorted(set(types))
    for combinator in ("oneOf", "anyOf", "allOf", "not"):
        if combinator in out:
            raise SystemExit("unexpected %s in %s; extend the normalisation" % (combinator, where))
    return out


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--work", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "build"))
    parser.add_argument("--date", default=datetime.date.today().isoformat(),
                        help="date written into the provenance (for reproducible reruns)")
    args = parser.parse_args()

    blobs = {}
    versions = {}
    sources = []
    for wheel_version, expected_sha, minors in WHEELS:
        path, digest = download(wheel_version, args.work)
        if expected_sha and digest != expected_sha:
            raise SystemExit("sha256 of %s is %s, expected %s" % (path, digest, expected_sha))
        sources.append({"package": "kubernetes-validate", "version": wheel_version, "sha256": digest,
                        "releases": ["1.%d" % m for m in minors]})
        with zipfile.ZipFile(path) as wheel:
            for minor in minors:
                name = "kubernetes_validate/kubernetes-json-schema/v1.%d.0-local-strict/_definitions.json" % minor
                document = json.loads(wheel.read(name))
                definitions = document.get("$defs") or document.get("definitions")
                kinds = {}
                names = {}
                for def_name, definition in sorted(definitions.items()):
                    for gvk in definition.get("x-kubernetes-group-version-kind", []):
                        api_version = gvk["version"] if not gvk["group"] else gvk["group"] + "/" + gvk["version"]
                        key = api_version + " " + gvk["kind"]
                        # a kind listed by several definitions (meta/v1 WatchEvent...): keep the first by name
                        kinds.setdefault(key, def_name)
                    normalised = normalise(definition, "1.%d %s" % (minor, def_name))
                    if def_name == QUANTITY:
                        # kubernetes-validate's 1.22..1.24 schemas say oneOf [string, integer], but the API
                        # server reads any JSON number as a quantity (cpu: 0.5); 1.25+ say [number, string].
                        normalised["type"] = ["number", "string"]
                    text = canonical(normalised)
                    blob = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
                    blobs[blob] = text
                    names[def_name] = blob
                versions["1.%d" % minor] = {"kinds": dict(sorted(kinds.items())),
                                            "definitions": dict(sorted(names.items()))}
                print("1.%d: %d kinds, %d definitions" % (minor, len(kinds), len(names)), file=sys.stderr)

    ordered = sorted(versions, key=lambda v: int(v.split(".")[1]))
    index = {"format": 2, "generated": args.date, "sources": sources, "versions": ordered}
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    buffer = io.BytesIO()
    fixed = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same input gives the same bytes
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        info = zipfile.ZipInfo("index.json", fixed)
        info.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(info, canonical(index))
        for version in ordered:  # one entry per release: a run parses only its target's
            info = zipfile.ZipInfo("versions/%s.json" % version, fixed)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, canonical(versions[version]))
        for blob in sorted(blobs):
            info = zipfile.ZipInfo("blobs/%s.json" % blob, fixed)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, blobs[blob])
    with open(args.out, "wb") as f:
        f.write(buffer.getvalue())
    raw = sum(len(b.encode("utf-8")) for b in blobs.values()) + len(canonical(index)) \
        + sum(len(canonical(v).encode("utf-8")) for v in versions.values())
    print("%d releases, %d distinct definitions, %d bytes uncompressed, %d bytes zipped -> %s"
          % (len(versions), len(blobs), raw, len(buffer.getvalue()), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()

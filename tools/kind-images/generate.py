#!/usr/bin/env python3
"""Writes Ascent's table of kind releases and the node images pre-built for each.

kind supports a node image only with the kind release that built it, and the same tag (kindest/node:v1.31.0)
has different digests in different releases, so the table pins every image by digest per release.

Sources, all read from local clones (nothing is downloaded; the build never runs this):

* kind's own repository, ``pkg/apis/config/defaults/image.go`` at each release tag: the default image.
* the images each release's notes list ("Images pre-built for this release"), as cluster-api transcribes them
  into ``test/infrastructure/kind/mapper.go`` (one "Pre-built images for Kind vX.Y" section per release),
  read at the commits named in MAPPER_COMMITS because a later commit drops sections it no longer needs.
* ``release-notes.tsv`` next to this script: rows copied by hand from release notes that neither clone has
  (releases newer than the clones) and corrections where the transcription disagrees with the notes.

Every default must appear among its release's images, else the script stops. Disagreements between sources
are printed, never silently resolved.

Usage: python3 generate.py --kind-repo DIR --capi-repo DIR [--out FILE] [--date YYYY-MM-DD]
(DIR may be a bare repository, such as the one the fetch tool writes.)
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "ascent-core", "src", "main", "resources", "io", "ascent", "core",
                           "provision", "kind", "kind-node-images.tsv")

# cluster-api commits whose mapper.go holds a release's section; the newest commit that still has it wins.
MAPPER_COMMITS = [
    "15f3dc16af",  # Bump to kind v0.32.0: sections v0.32 .. v0.17 (v0.28 already gone)
    "e073d9791e",  # Bump sigs.k8s.io/kind to v0.28.0: the v0.28 section, replaced by v0.29 one commit later
]
OLDEST = (0, 17)
IMAGE = re.compile(r'^kindest/node:v(\d+\.\d+\.\d+)@sha256:[0-9a-f]{64}$')


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", git_dir(repo), *args], check=True, capture_output=True,
                          text=True).stdout


def git_dir(repo):
    dotgit = os.path.join(repo, ".git")
    return dotgit if os.path.isdir(dotgit) else repo


def version_key(tag):
    return tuple(int(p) for p in tag.lstrip("v").split("."))


def kind_defaults(kind_repo):
    """{release tag: (default image, tag date)} for every final release from OLDEST on."""
    defaults = {}
    for tag in git(kind_repo, "tag").split():
        if not re.fullmatch(r"v\d+\.\d+\.\d+", tag) or version_key(tag)[:2] < OLDEST:
            continue
        source = git(kind_repo, "show", f"{tag}:pkg/apis/config/defaults/image.go")
        image = re.search(r'const Image = "([^"]+)"', source).group(1)
        date = git(kind_repo, "log", "-1", "--format=%cs", tag).strip()
        defaults[tag] = (image, date)
    return defaults


def mapper_sections(capi_repo):
    """{"v0.X.0": {image: (commit, declared version)}} from the mapper at each pinned commit."""
    sections = {}
    for commit in MAPPER_COMMITS:
        source = git(capi_repo, "show", f"{commit}:test/infrastructure/kind/mapper.go")
        release, declared = None, None
        for line in source.splitlines():
            header = re.search(r"images for Kind v(\d+)\.(\d+)\.", line)
            if header:
                release = f"v{header.group(1)}.{header.group(2)}.0"
                if release in sections and sections[release]["commit"] != commit:
                    release = None  # a newer commit already gave this section
                else:
                    sections.setdefault(release, {"commit": commit, "images": {}})
                continue
            found = re.search(r'KubernetesVersion:\s*semver\.MustParse\("([^"]+)"\)', line)
            if found:
                declared = found.group(1)
            found = re.search(r'Image:\s*"(kindest/node:[^"]+)"', line)
            if found and release:
                sections[release]["images"][found.group(1)] = declared
    return sections


def release_notes(path):
    """Hand-copied rows: release, image, action (add|drop), source."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            release, image, action, source = line.rstrip("\n").split("\t")
            rows.append((release, image, action, source))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kind-repo", required=True)
    parser.add_argument("--capi-repo", required=True)
    parser.add_argument("--notes", default=os.path.join(HERE, "release-notes.tsv"))
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--date", required=True, help="written into the header; keep it to reproduce the bytes")
    args = parser.parse_args()

    defaults = kind_defaults(args.kind_repo)
    sections = mapper_sections(args.capi_repo)
    images = {release: dict.fromkeys(s["images"]) for release, s in sections.items()}
    for release, section in sections.items():
        for image, declared in section["images"].items():
            tagged = IMAGE.match(image)
            if not tagged:
                sys.exit(f"{release}: not a pinned node image: {image}")
            if declared != tagged.group(1):
                print(f"note: cluster-api {section['commit']} lists {image} under {release} as {declared}; "
                      f"the image tag ({tagged.group(1)}) is taken", file=sys.stderr)
    dates = {}
    for release, image, action, source in release_notes(args.notes):
        if not IMAGE.match(image):
            sys.exit(f"release-notes.tsv: not a pinned node image: {image}")
        if action == "add":
            images.setdefault(release, {})[image] = None
        elif action == "drop":
            images.get(release, {}).pop(image, None)
        elif action == "default":
            images.setdefault(release, {})[image] = None
            if release not in defaults:
                defaults[release] = (image, source)
        else:
            sys.exit(f"release-notes.tsv: unknown action {action}")
    for release, (image, _) in defaults.items():
        if release not in images:
            sys.exit(f"{release}: no list of pre-built images (add its release notes to release-notes.tsv)")
        if image not in images[release]:
            sys.exit(f"{release}: its default image {image} is not among its pre-built images")
    extra = sorted(set(images) - set(defaults), key=version_key)
    if extra:
        sys.exit(f"pre-built images for releases with no tag or default: {extra}")

    rows = []
    for release in sorted(images, key=version_key, reverse=True):
        default_image = defaults[release][0]
        for image in sorted(images[release], key=lambda i: version_key(IMAGE.match(i).group(1)), reverse=True):
            version = IMAGE.match(image).group(1)
            rows.append(f"{release}\t{version}\t{image}\t{'default' if image == default_image else ''}")
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# kind releases and the node images pre-built for each, pinned by digest. GENERATED by\n")
        out.write(f"# tools/kind-images/generate.py on {args.date}; do not edit (see PROVENANCE.md beside it).\n")
        out.write(f"# kind releases: {', '.join(sorted(images, key=version_key))}\n")
        out.write("release\tkubernetes\timage\tdefault\n")
        out.write("\n".join(rows) + "\n")
    print(f"wrote {len(rows)} images of {len(images)} kind releases to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

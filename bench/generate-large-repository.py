#!/usr/bin/env python3
"""Generates the repository the repository validator is measured on (docs/performance.md).

HEAD holds FILES files (default 50,000) in a source-like layout: text files of 200 B to 16 KiB, some binaries,
a few files over the secret-scan bound, symbolic links, executables, a CODEOWNERS, a LICENSE and a handful of
planted fake secrets. The history adds COMMITS commits that each replace a 4 MiB incompressible asset, so the
object database holds over 1 GiB. Everything is written by one `git fast-import` stream; nothing here is kept in
the Ascent repository. Usage: generate-large-repository.py /tmp/ascent-bench-repo [files] [history-MiB]
"""
import os
import random
import subprocess
import sys

target = sys.argv[1] if len(sys.argv) > 1 else "/tmp/ascent-bench-repo"
files = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
history_mib = int(sys.argv[3]) if len(sys.argv) > 3 else 1100
asset_mib = 4
commits = history_mib // asset_mib

rng = random.Random(20261125)
WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore "
         "et dolore magna aliqua return value import from class def function const let var public static "
         "void string int config deploy service container image port replicas namespace").split()
# Fake credentials of the right shapes, assembled so that this script is not itself a finding.
SECRETS = ["AKIA" + "BENCHMARK0000FAKE"[:16], "ghp" + "_" + "b" * 36, "xoxb" + "-" + "1234567890-abcdefghij",
           "AIza" + "S" * 35, "glpat" + "-" + "c" * 20]
AREAS = ["src", "test", "docs", "deploy"]
EXTENSIONS = [".py", ".java", ".js", ".ts", ".go", ".md", ".yaml", ".json", ".txt", ".html", ".css", ".sh"]


LINES = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14))) for _ in range(20_000)]


def text(size):
    out = []
    length = 0
    while length < size:
        line = LINES[rng.randrange(len(LINES))]
        out.append(line)
        length += len(line) + 1
    return ("\n".join(out) + "\n").encode()


def blob(out, mark, data):
    out.write(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)))
    out.write(data)
    out.write(b"\n")


def main():
    if os.path.exists(target):
        sys.exit(f"{target} exists; remove it first")
    subprocess.run(["git", "init", "-q", "-b", "main", target], check=True)
    fi = subprocess.Popen(["git", "-C", target, "fast-import", "--quiet", "--depth=10"], stdin=subprocess.PIPE)
    out = fi.stdin
    mark = 0
    paths = []  # (path, mode, mark)
    planted = 0
    for i in range(files - 7):  # + 4 root files, 2 links and the asset below = files
        # A source-like layout: 200 modules, each with a few areas and packages, about 20 files per folder
        # (about 3,500 folders; real repositories have 5 to 20 files per folder).
        area = AREAS[rng.randrange(len(AREAS))]
        package = f"pkg{rng.randrange(3)}"
        path = f"modules/m{i % 200:03d}/{area}/{package}/file{i}{rng.choice(EXTENSIONS)}"
        kind = rng.random()
        if kind < 0.01:
            data = os.urandom(rng.randint(1024, 256 * 1024))  # binary: images, archives
            data = data[:10] + b"\0" + data[11:]
        elif kind < 0.0101:
            data = text(11 * 1024 * 1024)  # over the scan bound
        else:
            data = text(rng.choice([200, 800, 2000, 4000, 8000, 16000]))
            if planted < len(SECRETS) * 2 and i % 9973 == 5:
                data += b"token = " + SECRETS[planted % len(SECRETS)].encode() + b"\n"
                planted += 1
        mark += 1
        blob(out, mark, data)
        mode = b"100755" if path.endswith(".sh") else b"100644"
        paths.append((path, mode, mark))
    for path, data in [("README.md", b"# bench\n"), ("LICENSE", b"MIT License\n\nPermission is hereby granted, free of "
                       b"charge, to any person\nTHE SOFTWARE IS PROVIDED \"AS IS\"\n"),
                       (".github/CODEOWNERS", b"* @acme/bench\n/modules/ @acme/modules\n"),
                       (".env.example", b"DB_PASSWORD=${DB_PASSWORD}\n")]:
        mark += 1
        blob(out, mark, data)
        paths.append((path, b"100644", mark))
    out.write(b"commit refs/heads/main\ncommitter Bench <bench@ascent.invalid> 1700000000 +0000\ndata 4\ninit\n")
    for path, mode, m in paths:
        out.write(b"M %s :%d %s\n" % (mode, m, path.encode()))
    for link, target_path in [("links/readme", "../README.md"), ("links/license", "../LICENSE")]:
        out.write(b"M 120000 inline %s\ndata %d\n%s\n" % (link.encode(), len(target_path), target_path.encode()))
    for c in range(commits):
        # fast-import wants every blob before the commit that names it
        mark += 1
        asset = mark
        blob(out, asset, os.urandom(asset_mib * 1024 * 1024))
        edits = []
        for path, mode, m in rng.sample(paths[:-4], 5):  # a few text edits, as real history has
            mark += 1
            blob(out, mark, text(rng.choice([800, 4000])))
            edits.append(b"M %s :%d %s\n" % (mode, mark, path.encode()))
        out.write(b"commit refs/heads/main\ncommitter Bench <bench@ascent.invalid> %d +0000\ndata 6\nasset\n"
                  % (1700000000 + c + 1))
        if c > 0:
            out.write(b"D assets/asset%d.bin\n" % (c - 1))
        out.write(b"M 100644 :%d assets/asset%d.bin\n" % (asset, c))
        out.writelines(edits)
    out.close()
    if fi.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", target, "checkout", "-q", "-f", "main"], check=True)
    print(f"{target}: {files} files at HEAD, {commits + 1} commits")


main()

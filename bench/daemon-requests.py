#!/usr/bin/env python3
"""Times requests to the resident engine (docs/daemon.md) the way its client makes them, without the client.

    bench/daemon-requests.py SOCKET WARMUPS RUNS -- ARGS...

Connects to SOCKET, sends one protocol-v1 request (the current directory and environment, ARGS), reads the answer to
its X frame, and times that wall, connection to last frame: WARMUPS untimed requests first, then RUNS timed ones.
Prints each status once, then the median, p90, min and max in milliseconds. Start the engine first, e.g.
    java -cp ascent-cli/target/ascent.jar io.ascent.cli.daemon.DaemonMain --socket /tmp/ascent-$(id -u)/b.sock &
The client's own start (about a millisecond for the Go client) is not in these numbers.
"""
import json
import os
import socket
import statistics
import struct
import sys
import time


def request(path, args):
    payload = json.dumps({"version": 1, "cwd": os.getcwd(), "args": args, "env": dict(os.environ),
                          "stdoutTty": False, "stderrTty": False}).encode()
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(path)
        s.sendall(b"Q" + struct.pack(">I", len(payload)) + payload)
        stream = s.makefile("rb")
        while True:
            header = stream.read(5)
            if len(header) < 5:
                raise SystemExit("the engine ended without an answer")
            size = struct.unpack(">I", header[1:])[0]
            body = stream.read(size)
            if header[0:1] == b"X":
                return struct.unpack(">I", body)[0]


def main():
    if len(sys.argv) < 5 or sys.argv[4] != "--":
        raise SystemExit(__doc__)
    path, warmups, runs, args = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[5:]
    statuses = set()
    for _ in range(warmups):
        statuses.add(request(path, args))
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        statuses.add(request(path, args))
        walls.append((time.perf_counter() - start) * 1000)
    walls.sort()
    p90 = walls[max(0, int(round(0.9 * len(walls))) - 1)]
    print(f"statuses {sorted(statuses)}; {runs} runs after {warmups} warm-ups: median {statistics.median(walls):.1f} ms,"
          f" p90 {p90:.1f} ms, min {walls[0]:.1f} ms, max {walls[-1]:.1f} ms")


if __name__ == "__main__":
    main()

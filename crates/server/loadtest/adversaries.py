#!/usr/bin/env python3
"""Hostile clients for the mixed load run of crates/server/loadtest/load.sh, loopback only.

Keeps SLOW_READERS connections that request a large static file and never
read it, and IDLE_UPLOADERS connections that declare a 2 MiB document and
send nothing (each reconnects when the server cuts it off), for DURATION
seconds; then closes everything and prints what the server did to them.

    python3 crates/server/loadtest/adversaries.py 127.0.0.1:18090 /pkg/large.wasm 35
"""
import socket
import sys
import time

SLOW_READERS = 50
IDLE_UPLOADERS = 8


# The normal clients (wrk) come from 127.0.0.1; the adversaries from another
# loopback address, as they would from another school's network: the server
# caps uploads per client address.
SOURCE = ("127.0.0.2", 0)


def connect(host, port, small_buffer=False):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if small_buffer:
        # A slow reader: a tiny receive window makes the server's writes block.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.bind(SOURCE)
    s.settimeout(2)
    s.connect((host, port))
    s.setblocking(False)
    return s


def main():
    addr, path, duration = sys.argv[1], sys.argv[2], float(sys.argv[3])
    host, port = addr.rsplit(":", 1)
    port = int(port)
    assert host.startswith("127.") or host == "localhost", "loopback only"
    get = f"GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n".encode()
    post = (
        "POST /api/v1/forms/rsv-breda-po/opp/validate HTTP/1.1\r\n"
        f"Host: {addr}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {2 * 1024 * 1024}\r\n\r\n"
    ).encode()
    readers, uploaders = [], []
    cut_uploads = 0
    end = time.monotonic() + duration
    while time.monotonic() < end:
        while len(readers) < SLOW_READERS:
            s = connect(host, port, small_buffer=True)
            s.send(get)
            readers.append(s)
        while len(uploaders) < IDLE_UPLOADERS:
            s = connect(host, port)
            s.send(post)
            uploaders.append(s)
        time.sleep(0.5)
        # A closed connection shows as readable with nothing to read (or a
        # reset); an uploader's answer (408/429) counts as cut too.
        for group, kind in ((uploaders, "upload"),):
            for s in list(group):
                try:
                    if kind == "upload":
                        data = s.recv(65536)
                        if data == b"" or data.startswith(b"HTTP/1.1 4"):
                            raise ConnectionError
                except BlockingIOError:
                    continue
                except (ConnectionError, OSError):
                    group.remove(s)
                    s.close()
                    cut_uploads += 1
    for s in readers + uploaders:
        s.close()
    print(
        f"adversaries (from {SOURCE[0]}): {SLOW_READERS} slow readers kept connected, "
        f"{IDLE_UPLOADERS} idle uploaders ({cut_uploads} cut off or refused)"
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Hostile-client probes for bench-hardening.sh (loopback only, standard library only).

  stream-rss PORT PID N SECONDS   N clients request a large /stream-bytes and never read;
                                  prints the server's RSS before and at its peak (MiB)
  slow-heads PORT N               N connections send a request head one byte at a time (one byte
                                  per connection every 5 s); meanwhile 100 fresh GET /get, each on
                                  a new connection; prints their p50/p99/max latency (ms)
"""
import socket
import sys
import threading
import time


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def non_reader(port, target):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    s.sendall(f"GET {target} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    return s


def stream_rss(port, pid, n, seconds):
    before = rss_mib(pid)
    clients = [non_reader(port, "/stream-bytes/268435456?chunk_size=1") for _ in range(n)]
    peak = before
    end = time.time() + seconds
    while time.time() < end:
        peak = max(peak, rss_mib(pid))
        time.sleep(0.25)
    for c in clients:
        c.close()
    print(f"rss_before_mib={before:.0f} rss_peak_mib={peak:.0f} growth_mib={peak - before:.0f} clients={n} seconds={seconds}")


def fresh_get(port):
    start = time.perf_counter()
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(b"GET /get HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    if not data.startswith(b"HTTP/1.1 200"):
        raise RuntimeError("bad reply: %r" % data[:80])
    return (time.perf_counter() - start) * 1000


def slow_heads(port, n):
    for _ in range(50):  # warm-up: the figures are about the slow heads, not the first connections
        fresh_get(port)
    held = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.sendall(b"GET /get HTTP/1.1\r\nHost: bench\r\nX-Slow: ")
        held.append(s)
    stop = threading.Event()

    def trickle():
        while not stop.is_set():
            for s in held:
                try:
                    s.send(b"a")
                except OSError:
                    pass
                if stop.wait(5.0 / max(1, len(held))):
                    return

    t = threading.Thread(target=trickle, daemon=True)
    t.start()
    latencies = sorted(fresh_get(port) for _ in range(100))
    stop.set()
    t.join()
    for s in held:
        s.close()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(f"held={n} fresh_get_p50_ms={p(0.50):.1f} fresh_get_p99_ms={p(0.99):.1f} fresh_get_max_ms={latencies[-1]:.1f}")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "stream-rss":
        stream_rss(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
    elif cmd == "slow-heads":
        slow_heads(int(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit(__doc__)

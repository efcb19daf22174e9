#!/usr/bin/env python3
"""Splits a LoadTest run's per-second lines into the alternating windows of sendpath-alternating.sh
(window 0, 2, 4 … indexing on; 1, 3, 5 … off; the first second after each switch dropped) and prints,
per state, the median over its seconds of each second's ack and send->receipt p50/p99, throughput and CPU."""
import re, statistics, sys

log, window = sys.argv[1], int(sys.argv[2])
line = re.compile(r'^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\|\s+(\S+)\s+(\S+)\s+\|\s+(\S+)\s+(\S+)\s+\|(.*)$')
seconds = {"on": [], "off": []}
for text in open(log, encoding="utf-8"):
    m = line.match(text)
    if not m or m.group(7) == "-":
        continue
    second = int(m.group(1))
    index, offset = divmod(second - 1, window)
    if offset == 0:
        continue
    cpu = lambda name: int(c.group(1)) if (c := re.search(name + r' (\d+)%', m.group(11))) else 0
    seconds["on" if index % 2 == 0 else "off"].append(
        dict(acked=int(m.group(3)), ack50=float(m.group(7)), ack99=float(m.group(8)), recv50=float(m.group(9)), recv99=float(m.group(10)),
             other=cpu('other'), silo=cpu('silo'), postgres=cpu('postgres')))
print("| indexing | seconds | acked/s | ack p50 | ack p99 | send→receipt p50 | send→receipt p99 | CPU silo · Postgres (all databases) · other |")
print("|---|---|---|---|---|---|---|---|")
for state, rows in seconds.items():
    if not rows:
        continue
    med = lambda key: statistics.median(r[key] for r in rows)
    print(f"| {state} | {len(rows)} | {med('acked'):.0f} | {med('ack50'):.1f} ms | {med('ack99'):.1f} ms | {med('recv50'):.1f} ms | {med('recv99'):.1f} ms | {med('silo'):.0f} · {med('postgres'):.0f} · {med('other'):.0f} % |")

#!/usr/bin/env python3
"""bin/tideway perf peers: the peers' workloads (../shared/peers/run.sh) on the bare ring, Spark,
Flink and the Spark client ported to this project, interleaved pass by pass, and one report with
each figure's median and spread and Tideway's ratio to each peer.

  bin/tideway perf peers [--passes N] [--warmup S] [--measure S] [--only W1,W2,W3] [--peers DIR]
                         [--low-latency] [--skip ENGINE,...]

--low-latency adds, for W1, the bare ring with a busy-spin wait and the ported client with the
low-latency profile (tideway.continuous.waitStrategy=busy-spin in a tideway-defaults.conf that
TIDEWAY_CONF_DIR names: the client's code is unchanged). --skip leaves out engines whose label
starts with one of the words given (e.g. --skip Spark).
"""
import argparse
import datetime
import os
import re
import statistics
import subprocess
import sys
import tempfile

SUMMARY = re.compile(r"p50=(?P<p50>[\d.]+) p99=(?P<p99>[\d.]+) p999=(?P<p999>[\d.]+) max=(?P<max>[\d.]+) ms, "
                     r"rate=(?P<rate>[\d.]+) rows/s .*cpu=(?P<cpu>[\d.]+)cores")
# W2 and W3 print a rate alone (W3: its first rate, end to end; of its two runs the last, warm one)
THROUGHPUT = re.compile(r"rate=(?P<rate>[\d.]+) (?:rows|words)/s.*?cpu=(?P<cpu>[\d.]+)cores")
LATENCY = ("p50", "p99", "p999")


LOW_LATENCY = "Tideway continuous, low-latency profile"


def configs(project, warmup, measure, only, low_latency):
    """(workload, engine label, run.sh arguments) in the order one pass runs them."""
    timing = [f"warmup={warmup}", f"measure={measure}"]
    out = []
    for rate in (10_000, 100_000):
        w = f"W1 {rate // 1000}k"
        tideway_w1 = ["tideway", project, "continuous", "W1", f"rate={rate}", "source=paced"] + timing
        out += [
            (w, "ring (blocking)", ["ring", "W1", f"rate={rate}", "wait=blocking"] + timing),
            (w, "Flink (chained)", ["flink", "W1", f"rate={rate}", "chain=true"] + timing),
            (w, "Spark continuous", ["spark", "continuous", "W1", f"rate={rate}", "source=paced"] + timing),
            (w, "Tideway continuous", tideway_w1),
        ]
        if low_latency:
            out += [
                (w, "ring (busy-spin)", ["ring", "W1", f"rate={rate}", "wait=busy"] + timing),
                (w, LOW_LATENCY, tideway_w1),
            ]
    out += [
        ("W2", "Flink (chained)", ["flink", "W2", "chain=true"] + timing),
        ("W2", "Spark micro-batch", ["spark", "microbatch", "W2", "rate=20000000"] + timing),
        # the client's default rowsPerSecond (20 M, what Spark can reach) is a cap here: Flink's W2 source is unpaced
        ("W2", "Tideway continuous", ["tideway", project, "continuous", "W2", "rate=200000000"] + timing),
        ("W3", "Spark micro-batch", ["spark", "microbatch", "W3", "filesPerTrigger=10"]),
        ("W3", "Tideway micro-batch", ["tideway", project, "microbatch", "W3", "filesPerTrigger=10"]),
    ]
    return [c for c in out if c[0].split()[0] in only]


def low_latency_conf_dir():
    """A TIDEWAY_CONF_DIR whose tideway-defaults.conf holds the low-latency profile."""
    d = tempfile.mkdtemp(prefix="tideway-low-latency-")
    with open(os.path.join(d, "tideway-defaults.conf"), "w") as f:
        f.write("tideway.continuous.waitStrategy busy-spin\n")
    return d


def run(peers, args, env=None):
    p = subprocess.run([os.path.join(peers, "run.sh")] + args, capture_output=True, text=True, env=env)
    lines = [l for l in p.stdout.splitlines() if SUMMARY.search(l) or THROUGHPUT.search(l)]
    if p.returncode != 0 or not lines:
        tail = "\n".join((p.stdout + p.stderr).splitlines()[-5:])
        return None, f"exit {p.returncode}: {tail}"
    m = SUMMARY.search(lines[-1])
    if m:
        return {k: float(v) for k, v in m.groupdict().items()}, lines[-1]
    m = THROUGHPUT.search(lines[-1])
    figures = {k: float("nan") for k in LATENCY}
    figures.update({k: float(v) for k, v in m.groupdict().items()})
    return figures, lines[-1]


def spread(values):
    if any(v != v for v in values):  # NaN: a throughput run has no latency
        return "—"
    return f"{statistics.median(values):.3g} ({min(values):.3g}–{max(values):.3g})"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    project = os.path.abspath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--measure", type=int, default=15)
    ap.add_argument("--only", default="W1,W2,W3")
    ap.add_argument("--peers", default=os.path.abspath(os.path.join(project, "..", "shared", "peers")))
    ap.add_argument("--low-latency", action="store_true")
    ap.add_argument("--skip", default="")
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.peers, "run.sh")):
        sys.exit(f"tideway perf peers: no run.sh in {a.peers} (pass --peers DIR)")
    skip = tuple(w for w in a.skip.split(",") if w)
    plan = [c for c in configs(project, a.warmup, a.measure, set(a.only.split(",")), a.low_latency)
            if not (skip and c[1].startswith(skip))]
    profile_env = dict(os.environ, TIDEWAY_CONF_DIR=low_latency_conf_dir()) if a.low_latency else None
    results = {}
    raw = []
    for n in range(1, a.passes + 1):
        for workload, engine, args in plan:
            print(f"pass {n}: {workload} {engine} ...", file=sys.stderr, flush=True)
            figures, line = run(a.peers, args, profile_env if engine == LOW_LATENCY else None)
            raw.append(f"pass {n} | {workload} | {engine} | {line}")
            if figures:
                results.setdefault((workload, engine), []).append(figures)
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else []
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = [f"# Peers, one sitting ({stamp})", "",
           f"{a.passes} interleaved passes, {a.warmup} s warm-up, {a.measure} s measured; {os.cpu_count()} cores; "
           + ("the low-latency profile is `tideway.continuous.waitStrategy=busy-spin` in `tideway-defaults.conf` "
              "(threads per partition left at `auto`); " if a.low_latency else "") +
           f"load average at the end {' '.join(load)}. Medians with the range over passes. Latency in ms from "
           "each row's intended time; rate in rows/s (W3: words/s); CPU in cores.", "",
           "| workload | engine | passes | p50 | p99 | p99.9 | rate | CPU |", "|---|---|---|---|---|---|---|---|"]
    for workload, engine, _ in plan:
        rs = results.get((workload, engine))
        if not rs:
            out.append(f"| {workload} | {engine} | 0 | failed | | | | |")
            continue
        cols = [spread([r[k] for r in rs]) for k in ("p50", "p99", "p999", "rate", "cpu")]
        out.append(f"| {workload} | {engine} | {len(rs)} | " + " | ".join(cols) + " |")
    out += ["", "Tideway against each peer, medians (latency: Tideway ÷ peer, lower is better; rate: Tideway ÷ peer, "
            "higher is better):", "", "| workload | peer | p50 | p99 | p99.9 | rate | CPU (Tideway − peer) |",
            "|---|---|---|---|---|---|---|"]
    for workload in dict.fromkeys(w for w, _, _ in plan):
        for (tw, te), ours in results.items():
            if tw != workload or not te.startswith("Tideway"):
                continue
            med = {k: statistics.median(r[k] for r in ours) for k in ("p50", "p99", "p999", "rate", "cpu")}
            for (w, e), rs in results.items():
                if w != workload or e.startswith("Tideway"):
                    continue
                peer = {k: statistics.median(r[k] for r in rs) for k in med}
                ratio = lambda k: f"{med[k] / peer[k]:.2f}×" if peer[k] and peer[k] == peer[k] and med[k] == med[k] else "—"
                label = e if te == "Tideway continuous" or te == "Tideway micro-batch" else f"{e} (against {te[len('Tideway continuous, '):]})"
                out.append(f"| {workload} | {label} | {ratio('p50')} | {ratio('p99')} | {ratio('p999')} | {ratio('rate')} | "
                           f"{med['cpu'] - peer['cpu']:+.2f} |")
    out += ["", "Raw summary lines:", "", "```"] + raw + ["```", ""]
    dest = os.path.join(project, "perf-reports", "results", "peers")
    os.makedirs(dest, exist_ok=True)
    path = os.path.join(dest, f"{stamp}.md")
    with open(path, "w") as f:
        f.write("\n".join(out))
    print("\n".join(out[:len(out)]))
    print(f"report: {path}", file=sys.stderr)


if __name__ == "__main__":
    main()

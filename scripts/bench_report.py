#!/usr/bin/env python3
"""Helpers of scripts/bench.sh: figures out of ghz and Google Benchmark JSON,
medians, and BENCHMARKS.md out of the figures the suite recorded.

  bench_report.py ghz FILE          prints "rps p50_ms p99_ms p999_ms errors"
  bench_report.py gbench FILE NAME [FIELD]
      prints the median FIELD (default bytes_per_second) of benchmark NAME
  bench_report.py median V...       prints the median of the values
  bench_report.py render FIGURES OUT
      FIGURES: one "key<TAB>value" per line (later lines win); OUT: markdown
"""
import json
import math
import statistics
import sys


def ghz(path):
    with open(path) as f:
        report = json.load(f)
    details = report.get("details", [])
    latencies = sorted(d["latency"] / 1e6 for d in details if d.get("status") == "OK")
    # Calls still in flight when the run's duration ends are cancelled by
    # ghz itself: not the server's errors.
    # So are those whose connection ghz closed when the run ended.
    failed = [d for d in details if d.get("status") not in ("OK", "Canceled")
              and "closed network connection" not in d.get("error", "")
              and "transport is closing" not in d.get("error", "")]
    errors = len(failed)
    if failed:
        print(f"{path}: {errors} errors, e.g. {failed[0].get('status')}: "
              f"{failed[0].get('error', '')[:200]}", file=sys.stderr)

    def pct(p):
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))]

    print(f"{report.get('rps', 0):.1f} {pct(0.50):.3f} {pct(0.99):.3f} {pct(0.999):.3f} {errors}")


def gbench(path, name, field="bytes_per_second"):
    with open(path) as f:
        report = json.load(f)
    runs = [b[field] for b in report["benchmarks"]
            if b.get("run_name", b["name"]) == name and b.get("run_type") != "aggregate"]
    print(f"{statistics.median(runs):.1f}")


def median(values):
    print(f"{statistics.median(float(v) for v in values):.6g}")


def fmt(value, digits=0):
    if value is None:
        return "—"
    if digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def num(figures, key):
    try:
        value = float(figures[key])
    except (KeyError, ValueError):
        return None
    return None if math.isnan(value) else value


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def target_rows(f):
    """(figure, target, measured, verdict) for the issue's targets table."""
    rows = []

    def add(name, target, measured_text, met, miss_text):
        verdict = "—" if met is None else ("met" if met else f"missed: {miss_text}")
        rows.append((name, target, measured_text, verdict))

    mbs = num(f, "extract_mbs")
    add("extraction, one core", "≥ 20 MB/s", f"{fmt(mbs, 1)} MB/s",
        None if mbs is None else mbs >= 20,
        f"{fmt(100 * (1 - (mbs or 0) / 20), 0)}% short")
    rate, ceiling = num(f, "ingest_rate"), num(f, "ceiling_rate")
    r = ratio(rate, ceiling)
    add(f"end-to-end ingest, {f.get('n', '?')} articles",
        "≥ 5,000 articles/s and ≥ 0.7× the ceiling",
        f"{fmt(rate)} articles/s, {fmt(r, 2)}× the ceiling ({fmt(ceiling)}/s)",
        None if rate is None or r is None else rate >= 5000 and r >= 0.7,
        f"{fmt(5000 / rate if rate else None, 1)}× too slow for 5,000/s; "
        f"{fmt(r, 2)}× vs 0.7×")
    large = ratio(num(f, "large_rate"), num(f, "empty_first_rate"))
    add(f"ingest into a {f.get('store_n', '?')}-article store", "≥ 0.8× the empty-store rate",
        f"{fmt(large, 2)}×", None if large is None else large >= 0.8,
        f"{fmt(large, 2)}× vs 0.8×")
    for key, name, target in (("GetEvent", "`GetEvent`, concurrency 64", 0.6),
                              ("ListEventsTopParticipant",
                               "`ListEvents` by the most frequent participant, page 20, basic view", 0.3),
                              ("SearchParticipants", "`SearchParticipants`, 2-letter prefix",
                               0.3)):
        q = ratio(num(f, f"q_{key}_64_rps"), num(f, "q_Health_64_rps"))
        add(name + " (c64)", f"≥ {target}× the health-check QPS", f"{fmt(q, 2)}×",
            None if q is None else q >= target, f"{fmt(q, 2)}× vs {target}×")
    p99 = num(f, "q_ListEventsTopParticipant_1_p99")
    add("`ListEvents` by the most frequent participant, basic view, p99 at concurrency 1",
        "≤ 3 ms",
        f"{fmt(p99, 2)} ms", None if p99 is None else p99 <= 3,
        f"{fmt(p99, 2)} ms vs 3 ms")
    open_s = num(f, "open_seconds")
    add(f"open a {f.get('store_n', '?')}-article store to first answer", "≤ 2 s",
        f"{fmt(open_s, 2)} s", None if open_s is None else open_s <= 2, f"{fmt(open_s, 2)} s")
    rss = num(f, "serve_hwm_mb")
    add("`parleyd` RSS serving the store under load", "≤ 512 MB", f"{fmt(rss)} MB",
        None if rss is None else rss <= 512, f"{fmt(rss)} MB")
    per = ratio(num(f, "store_bytes_per_article"), num(f, "raw_bytes_per_article"))
    add("bytes on disk per article (after compaction)", "≤ 1.0× the raw JSON",
        f"{fmt(per, 2)}×", None if per is None else per <= 1.0, f"{fmt(per, 2)}×")
    return rows


def query_rows(f):
    rows = []
    for method in ["Health"] + f.get("query_methods", "").split():
        for c in f.get("concurrencies", "").split():
            rps = num(f, f"q_{method}_{c}_rps")
            health = num(f, f"q_Health_{c}_rps")
            rows.append((method, c, fmt(rps), fmt(ratio(rps, health), 2),
                         fmt(num(f, f"q_{method}_{c}_p50"), 2),
                         fmt(num(f, f"q_{method}_{c}_p99"), 2),
                         fmt(num(f, f"q_{method}_{c}_p999"), 2),
                         f.get(f"q_{method}_{c}_errors", "—"),
                         fmt(num(f, f"q_{method}_{c}_busy"), 1)))
    return rows


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


REQUIRED = ("extract_mbs", "icu_mbs", "write_us_0", "ceiling_rate", "ingest_rate",
            "raw_bytes_per_article",
            "store_bytes_per_article", "open_seconds", "serve_hwm_mb", "serve_rss_mb")


def missing_figures(f):
    """Figures a stage should have recorded but did not (or not as a number)."""
    keys = list(REQUIRED)
    for method in ["Health"] + f.get("query_methods", "").split():
        for c in f.get("concurrencies", "").split():
            keys += [f"q_{method}_{c}_{name}" for name in ("rps", "p50", "p99", "p999")]
    return [k for k in keys if num(f, k) is None]


def render(figures_path, out_path):
    f = {}
    with open(figures_path) as fh:
        for line in fh:
            if "\t" in line:
                key, value = line.rstrip("\n").split("\t", 1)
                f[key] = value
    missing = missing_figures(f)
    g = lambda k: num(f, k)
    parts = [f"# Benchmarks\n\nWritten by `scripts/bench.sh` ({f.get('mode', 'full')} mode) "
             f"on {f.get('date', '?')}. Machine: {f.get('nproc', '?')} cores "
             f"({f.get('cpu', '?')}), {f.get('ram', '?')} RAM; the suite's own load "
             f"generators (kcat, ghz) share it. Every figure is the median of "
             f"{f.get('reps', '?')} runs unless said otherwise; each has its reference "
             f"measured in the same run.\n\nScale: ingest over N = {f.get('n', '?')} "
             f"generated articles (`parley-loadgen`, seed 1) on a 4-partition topic; the "
             f"store figures over a store of {f.get('store_n', '?')} articles "
             f"({f.get('store_events', '?')} events; {f.get('store_people', '?')} distinct "
             f"participants, the most frequent in {f.get('top_events', '?')} events). "
             f"{f.get('scale_note', '')}\n",
             "## Targets (issue 11)\n",
             table(("figure", "target", "measured", "verdict"), target_rows(f)), "",
             "## Extraction\n",
             table(("figure", "value", "reference", "ratio"), [
                 ("extraction, one core (pool)", f"{fmt(g('extract_mbs'), 1)} MB/s",
                  f"ICU word break {fmt(g('icu_mbs'), 1)} MB/s",
                  fmt(ratio(g("extract_mbs"), g("icu_mbs")), 2))]), "",
             "## Ingest\n",
             table(("figure", "value", "reference", "ratio"), [
                 (f"Kafka → parleyd → RocksDB, {f.get('n', '?')} articles into an empty "
                  "store, start-up included", f"{fmt(g('ingest_rate'))} articles/s",
                  f"in-process extraction on {f.get('nproc', '?')} threads "
                  f"{fmt(g('ceiling_rate'))} articles/s",
                  fmt(ratio(g("ingest_rate"), g("ceiling_rate")), 2)),
                 ("same, sustained (first to last stored)",
                  f"{fmt(g('ingest_sustained'))} articles/s", "same ceiling",
                  fmt(ratio(g("ingest_sustained"), g("ceiling_rate")), 2)),
                 (f"{f.get('more_n', '?')} more articles into the {f.get('store_n', '?')}-"
                  "article store (sustained)", f"{fmt(g('large_rate'))} articles/s",
                  f"the first {f.get('more_n', '?')} into an empty store "
                  f"{fmt(g('empty_first_rate'))} articles/s",
                  fmt(ratio(g("large_rate"), g("empty_first_rate")), 2)),
                 ("parleyd peak RSS while ingesting", f"{fmt(g('ingest_hwm_mb'))} MB", "", ""),
                 ("one article write whose participant has 100,000 appearances "
                  "(`parley_store_benchmark`)", f"{fmt(g('write_us_100000'), 1)} µs",
                  f"a new participant {fmt(g('write_us_0'), 1)} µs",
                  fmt(ratio(g("write_us_100000"), g("write_us_0")), 2))]),
             "",
             "CPU of the first run into the empty store, by thread (`/proc`; the broker is "
             "the local Kafka's JVM; parleyd's threads as named, `parley-ingest` polls Kafka, "
             "builds its share and writes, `parley-build` builds, `rocksdb:low` compacts, "
             f"`rocksdb:high` flushes): {f.get('ingest_cpu', '?')}. Of the first run into the "
             f"large store: {f.get('large_cpu', '?')}.\n",
             f"## Queries (ghz, {f.get('ghz_seconds', '?')} s per run, store of "
             f"{f.get('store_n', '?')} articles)\n",
             "Ratio: QPS against `grpc.health.v1.Health/Check` on the same server at the "
             "same concurrency. Latencies in ms, of the calls that completed. Errors: "
             "server errors only (calls ghz cancels at the end of its run are not). "
             "Busy after: how long parleyd kept a core busy after ghz stopped (calls "
             "given up by the client still run to the end); the next run waits for it. " + f.get("query_note", "") +
             " Before each `ListConnections` run one call is made and timed (its answer is "
             "computed once and kept until the next write); the longest took "
             f"{f.get('connections_first_s', '?')} s.\n",
             table(("method", "concurrency", "QPS", "× health", "p50", "p99", "p99.9",
                    "errors", "busy after (s)"), query_rows(f)), "",
             "## Store\n",
             table(("figure", "value", "reference", "ratio"), [
                 ("bytes on disk per article " + f.get("compaction_note", ""),
                  f"{fmt(g('store_bytes_per_article'))} B",
                  f"raw JSON {fmt(g('raw_bytes_per_article'))} B",
                  fmt(ratio(g("store_bytes_per_article"), g("raw_bytes_per_article")), 2)),
                 ("open the store to the first answered `GetEvent`",
                  f"{fmt(g('open_seconds'), 2)} s", "", ""),
                 ("parleyd RSS serving under load (VmHWM / VmRSS)",
                  f"{fmt(g('serve_hwm_mb'))} / {fmt(g('serve_rss_mb'))} MB", "", "")]), "",
             f.get("notes", "").replace("\\n", "\n"), ""]
    if missing:
        parts.append("Missing figures (a stage failed): " + ", ".join(missing) + "\n")
    with open(out_path, "w") as out:
        out.write("\n".join(parts))
    if missing:
        print("bench_report: missing figures: " + ", ".join(missing), file=sys.stderr)
        return 1
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "ghz":
        ghz(argv[2])
    elif len(argv) in (4, 5) and argv[1] == "gbench":
        gbench(*argv[2:])
    elif len(argv) >= 3 and argv[1] == "median":
        median(argv[2:])
    elif len(argv) == 4 and argv[1] == "render":
        return render(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

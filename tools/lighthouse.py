"""Measure every page of the built site with Lighthouse, served gzipped from this machine.

Serves ``_build/html`` with ``tools/serve_gzip.py`` (on-the-fly gzip level 6 for text, as a web
host would), runs the pinned npm Lighthouse (``node_modules/.bin/lighthouse``, installed by
``make lighthouse`` with ``npm ci``) against each page with Debian's Chromium, headless, once
with the mobile defaults (simulated slow 4G, 4x CPU slowdown) and once with ``--preset=desktop``,
and prints a Markdown table:

    page | KB gzipped | requests | perf mobile | perf desktop | accessibility
         | best practices | off-origin requests | mobile FCP / LCP / TBT / CLS

Bytes and requests are Lighthouse's own (``total-byte-weight`` and ``network-requests`` from the
mobile run). Each run's JSON report is kept in the output folder for the details.

    python tools/lighthouse.py [--html _build/html] [--out _build/lighthouse] [--pages a.html ...]
                               [--runs N]

Performance scores depend on the machine's speed: the footer gives Lighthouse's
``benchmarkIndex`` of this machine during the runs (its CPU score). The mobile preset slows the
CPU 4x, which emulates Lighthouse's reference phone (a Moto G Power, benchmarkIndex about 264
by Chrome DevTools' calibration) from a machine of about 1000; on a slower or busy machine the
mobile scores emulate a much slower phone. ``--cpu-slowdown benchmarkIndex/264`` calibrates
it (and says so in the footer). ``--runs 3`` reports each page's median run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_gzip import make_server  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
                "--disable-background-networking --disable-component-update --no-first-run "
                "--disable-sync")
PRESETS = ("mobile", "desktop")
SKIP_DIRS = {"_static", "_sources", "_images", "_sphinx_design_static", "html-manager",
             "mathjax", "genindex"}


def site_pages(html: Path) -> list[str]:
    """Every HTML page of the site, relative to ``html``, except the root redirect."""
    pages = []
    for path in sorted(html.rglob("*.html")):
        relative = path.relative_to(html)
        if relative.parts[0] in SKIP_DIRS or relative.as_posix() == "index.html":
            continue
        pages.append(relative.as_posix())
    return pages


def run_lighthouse(url: str, preset: str, report: Path, resume: bool = False,
                   cpu_slowdown: float | None = None) -> dict:
    """Run Lighthouse once on ``url``; return its parsed JSON report (with ``resume``, the
    report already in ``report`` if there is one)."""
    if resume and report.is_file():
        return json.loads(report.read_text())
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
               "--only-categories=performance,accessibility,best-practices",
               f"--chrome-flags={CHROME_FLAGS}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    elif cpu_slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env, timeout=900)
    return json.loads(report.read_text())


def score(result: dict, category: str) -> str:
    value = result["categories"][category]["score"]
    return "n/a" if value is None else str(round(value * 100))


def median_run(runs: list[dict]) -> dict:
    """The run whose performance score is the median of ``runs`` (Lighthouse's advice)."""
    ranked = sorted(runs, key=lambda run: run["categories"]["performance"]["score"] or 0)
    return ranked[len(ranked) // 2]


def summarise(page: str, results: dict[str, dict], origin: str) -> dict:
    """One table row from a page's mobile and desktop reports."""
    mobile = results["mobile"]
    requests = mobile["audits"]["network-requests"]["details"]["items"]
    off_origin = [item["url"] for item in requests
                  if not item["url"].startswith(("data:", "blob:"))
                  and urlparse(item["url"]).hostname != urlparse(origin).hostname]
    audits = mobile["audits"]
    return {
        "page": page,
        "version": mobile["lighthouseVersion"],
        "browser": mobile["environment"]["hostUserAgent"].split(") ")[-1].split(" Safari")[0]
        .replace("AppleWebKit/537.36 (KHTML, like Gecko) ", ""),
        "kb": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "requests": len(requests),
        "mobile": score(mobile, "performance"),
        "desktop": score(results["desktop"], "performance"),
        "a11y": score(mobile, "accessibility"),
        "best": score(mobile, "best-practices"),
        "off_origin": len(off_origin),
        "benchmark": [results[preset]["environment"]["benchmarkIndex"] for preset in PRESETS],
        "metrics": {key: audits[key]["displayValue"] for key in
                    ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                     "cumulative-layout-shift")},
        "failed_a11y": [key for key, ref in ((r["id"], r) for r in
                        mobile["categories"]["accessibility"]["auditRefs"])
                        if ref["weight"] and (audits[key]["score"] or 1) < 1],
    }


def table(rows: list[dict]) -> str:
    lines = ["| page | KB gzipped | requests | perf mobile | perf desktop | accessibility "
             "| best practices | off-origin | mobile FCP / LCP / TBT / CLS | benchmarkIndex |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for row in rows:
        metrics = " / ".join(row["metrics"].values())
        lines.append(f"| {row['page']} | {row['kb']} | {row['requests']} | {row['mobile']} "
                     f"| {row['desktop']} | {row['a11y']} | {row['best']} | {row['off_origin']} "
                     f"| {metrics} | {' / '.join(str(round(b)) for b in row['benchmark'])} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=REPO / "_build" / "html")
    parser.add_argument("--out", type=Path, default=REPO / "_build" / "lighthouse")
    parser.add_argument("--pages", nargs="*", help="pages relative to --html (default: all)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and preset (median)")
    parser.add_argument("--cpu-slowdown", type=float, default=None,
                        help="mobile CPU slowdown (Lighthouse's default: 4)")
    parser.add_argument("--resume", action="store_true",
                        help="reuse the JSON reports already in --out instead of re-running")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} missing: run `make lighthouse` (it runs `npm ci`)")
    args.out.mkdir(parents=True, exist_ok=True)
    httpd, origin = make_server(str(args.html))
    rows = []
    try:
        for page in args.pages or site_pages(args.html):
            results = {}
            for preset in PRESETS:
                runs = []
                for run in range(args.runs):
                    report = args.out / f"{page.replace('/', '__')}.{preset}.{run}.json"
                    runs.append(run_lighthouse(f"{origin}/{page}", preset, report, args.resume,
                                               args.cpu_slowdown))
                results[preset] = median_run(runs)
            rows.append(summarise(page, results, origin))
            print(f"measured {page}", file=sys.stderr, flush=True)
    finally:
        httpd.shutdown()
    text = table(rows)
    benchmarks = [index for row in rows for index in row["benchmark"]]
    text += (f"\n\nLighthouse {rows[0]['version']} with {rows[0]['browser']}; served gzipped by "
             f"tools/serve_gzip.py; {args.runs} run(s) per page and preset (median); "
             f"benchmarkIndex {min(benchmarks)}-{max(benchmarks)} "
             f"(median {statistics.median(benchmarks):.0f}); mobile CPU slowdown "
             f"{args.cpu_slowdown or 4}x.") if rows else ""
    failed = {row["page"]: row["failed_a11y"] for row in rows if row["failed_a11y"]}
    if failed:
        text += "\n\nAccessibility audits that failed: " + json.dumps(failed)
    (args.out / "report.md").write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

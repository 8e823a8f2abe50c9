"""
Serving through gunicorn on loopback, measured with wrk (installed with apt-get when missing).

Each page is measured twice per configuration: one connection at a time for its
latency, then eight at once for throughput; uncached (CACHE_URL=dummy://) and
cached (the default local-memory cache). A static file from the same server is
the ceiling.
"""

import json
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

from benchmarks import status
from benchmarks.processes import environment, gunicorn, manage
from benchmarks.queries import filtered_list_url
from bureaus.models import Bureau

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %.4f, "p50": %.3f, "p95": %.3f, "p99": %.3f, "errors": %d, "non_2xx": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
"""
PROFILE_TARGET_P50_MS = 15
CACHED_SHARE_OF_STATIC = 0.5


def ensure_wrk():
    if shutil.which("wrk"):
        return "wrk"
    result = subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True, text=True)
    if result.returncode or not shutil.which("wrk"):
        raise RuntimeError("wrk is needed for the serving benchmark: sudo apt-get install wrk")
    return "wrk"


def wrk(url, connections, seconds, script):
    threads = min(2, connections)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["rps"] = round(result["requests"] / result["seconds"], 1)
    return result


def static_url():
    manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def run(database_url, workdir, seconds=3):
    ensure_wrk()
    script = workdir / "wrk-report.lua"
    script.write_text(WRK_SCRIPT)
    env = environment(database_url)
    manage("collectstatic", "--noinput", env=env)
    slug, province = Bureau.objects.published().order_by("pk").values_list("slug", "province").first()
    pages = {
        "home": "/",
        "list": "/bureaus/",
        "filtered list": filtered_list_url(province),
        "search": "/bureaus/?q=kindergarten",
        "profile": f"/bureaus/{slug}/",
        "statistics": "/statistics/",
        "api": "/api/bureaus/?page_size=20",
        "static file": static_url(),
    }
    results = {}
    for mode, cache_url in (("uncached", "dummy://"), ("cached", "locmem://bench")):
        with gunicorn({**env, "CACHE_URL": cache_url}) as base:
            for name, path in pages.items():
                wrk(base + path, 1, 1, script)  # warm up (and fill the cache)
                latency = wrk(base + path, 1, seconds, script)
                load = wrk(base + path, 8, seconds, script)
                results.setdefault(mode, {})[name] = {
                    "p50_ms": latency["p50"],
                    "p95_ms": latency["p95"],
                    "p99_ms": latency["p99"],
                    "requests_per_second": load["rps"],
                    "errors": latency["errors"] + load["errors"] + latency["non_2xx"] + load["non_2xx"],
                }
    # The ceiling is the better of the two static-file runs: the stricter comparison.
    static_rps = max(results[mode]["static file"]["requests_per_second"] for mode in results)
    profile_p50 = results["uncached"]["profile"]["p50_ms"]
    cached_pages = [name for name in pages if name != "static file"]
    slowest_cached = min(results["cached"][name]["requests_per_second"] for name in cached_pages)
    met_profile = profile_p50 <= PROFILE_TARGET_P50_MS
    met_cached = slowest_cached >= CACHED_SHARE_OF_STATIC * static_rps
    rows = [("page (uncached | cached)", "req/s, p50 / p95 / p99 ms | req/s, p50 / p95 / p99 ms")]
    for name in pages:
        cells = []
        for mode in ("uncached", "cached"):
            r = results[mode][name]
            cells.append(f"{r['requests_per_second']:>7,.0f}, {r['p50_ms']} / {r['p95_ms']} / {r['p99_ms']}")
        rows.append((f"  {name}", " | ".join(cells)))
    errors = sum(r["errors"] for mode in results.values() for r in mode.values())
    rows += [
        ("errors (non-2xx or socket)", f"{errors}"),
        (f"target: profile uncached p50 ≤ {PROFILE_TARGET_P50_MS} ms", f"{profile_p50} ms: {status(met_profile)}"),
        (
            "target: every cached page ≥ half the static file's req/s",
            f"slowest {slowest_cached:,.0f} vs {static_rps:,.0f}: {status(met_cached)}",
        ),
    ]
    return {
        "pages": pages,
        "results": results,
        "concurrency": {"latency": 1, "throughput": 8},
        "seconds_per_run": seconds,
        "errors": errors,
        "targets": {"profile_uncached_p50": met_profile, "cached_half_of_static": met_cached},
        "_rows": rows,
    }

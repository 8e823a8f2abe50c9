"""Loading the national fixture: the portal's bulk loader versus Django's loaddata, on fresh SQLite databases."""

import sqlite3

from benchmarks import status
from benchmarks.processes import environment, manage
from bureaus.importer.saving import drafts_to_fixture

TARGET_SECONDS = 10
TARGET_SPEEDUP = 5
TABLES = [
    "bureaus_bureau",
    "bureaus_sourcedocument",
    "bureaus_factsource",
    "bureaus_department",
    "bureaus_duty",
    "bureaus_achievement",
    "bureaus_institutioncount",
    "bureaus_institutiontype",
    "bureaus_searchentry",
]


def row_counts(path):
    with sqlite3.connect(path) as connection:
        return {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}


def run(drafts, workdir):
    fixture = workdir / "national-fixture.json"
    fixture.write_text(drafts_to_fixture(drafts), encoding="utf-8")
    timings, counts = {}, {}
    for loader in ("loaddata", "bulk_load"):
        database = workdir / f"load-{loader}.sqlite3"
        database.unlink(missing_ok=True)
        env = environment(f"sqlite:///{database}")
        manage("migrate", "--noinput", env=env)
        manage("load_seed_data", "--types-only", env=env)
        timings[loader], _ = manage(loader, str(fixture), env=env)
        counts[loader] = row_counts(database)
    rows = sum(counts["bulk_load"][table] for table in TABLES[:7])
    speedup = timings["loaddata"] / timings["bulk_load"]
    same = counts["loaddata"] == counts["bulk_load"]
    met = timings["bulk_load"] < TARGET_SECONDS and speedup >= TARGET_SPEEDUP and same
    return {
        "bureaus": len(drafts),
        "rows": rows,
        "fixture_megabytes": round(fixture.stat().st_size / 1e6, 1),
        "seconds": {loader: round(seconds, 2) for loader, seconds in timings.items()},
        "rows_per_second": {loader: round(rows / seconds) for loader, seconds in timings.items()},
        "speedup": round(speedup, 1),
        "same_rows": same,
        "row_counts": counts["bulk_load"],
        "target_met": met,
        "_rows": [
            ("national fixture", f"{len(drafts):,} bureaus, {rows:,} rows, {fixture.stat().st_size / 1e6:.1f} MB"),
            ("loaddata (seconds, rows/s)", f"{timings['loaddata']:.1f} s, {rows / timings['loaddata']:,.0f} rows/s"),
            ("bulk_load (seconds, rows/s)", f"{timings['bulk_load']:.1f} s, {rows / timings['bulk_load']:,.0f} rows/s"),
            ("bulk_load speed-up over loaddata", f"{speedup:.1f}×"),
            ("same rows in both databases", "yes" if same else "NO"),
            (f"target: under {TARGET_SECONDS} s and ≥ {TARGET_SPEEDUP}× faster", status(met)),
        ],
    }

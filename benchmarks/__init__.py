"""
The portal's benchmarks (``make bench``): each module measures one thing and
returns a result dict; ``manage.py benchmark`` runs them, prints the figures and
writes them to ``bench-results/<name>.json``. Speed is measured here, never
asserted in the test suite.
"""


def percentiles(seconds):
    """p50 / p95 / max of a list of durations in seconds, in milliseconds."""
    ordered = sorted(seconds)

    def pick(share):
        return round(ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000, 2)

    return {"p50": pick(0.50), "p95": pick(0.95), "max": round(ordered[-1] * 1000, 2)}


def status(met):
    return "met" if met else "NOT met"

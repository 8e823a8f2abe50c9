"""SQL queries per page as the number of bureaus grows: loads the dataset in steps and counts at each."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.dataset import bulk_load
from bureaus.models import Bureau

PAGES = {
    "home": "/",
    "list": "/bureaus/",
    "filtered list": None,  # the first bureau's province, bureaus running kindergartens: results at every size
    "search": "/bureaus/?q=kindergarten",
    "profile": None,  # the first bureau's profile
    "statistics": "/statistics/",
    "places": "/places/",
    "places, a province": "/places/sichuan/",
    "places, a division": "/places/sichuan/510104/",
    "api list": "/api/bureaus/?page_size=20",
    "api bureau": None,
}


def page_urls():
    slug, province = Bureau.objects.order_by("pk").values_list("slug", "province").first()
    urls = dict(PAGES)
    urls["filtered list"] = filtered_list_url(province)
    urls["profile"] = f"/bureaus/{slug}/"
    urls["api bureau"] = f"/api/bureaus/{slug}/"
    return urls


def filtered_list_url(province):
    return f"/bureaus/?province={province}&institution_type=kindergarten"


def count_queries(urls):
    """Queries of each page in the steady state: visited once (a profile stores its snapshot on its
    first visit after a change), then counted with the page cache emptied."""
    from django.core.cache import cache

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for name, url in urls.items():
        client.get(url)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, HTTP_CACHE_CONTROL="no-cache")
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(queries)
    return counts


def run(drafts, steps=(30, 300, 3000), at_each_step=None):
    """Load ``drafts`` up to each step, counting the queries of every page at each (and calling
    ``at_each_step(step)`` there, if given); the dataset stays loaded."""
    from django.core.cache import cache

    loaded, by_step = 0, {}
    for step in steps:
        step = min(step, len(drafts))
        bulk_load(drafts[loaded:step])
        loaded = step
        cache.clear()  # count the work of a page, not of the page cache
        by_step[step] = count_queries(page_urls())
        if at_each_step:
            at_each_step(step)
    first = by_step[steps[0] if steps[0] in by_step else loaded]
    constant = all(counts == first for counts in by_step.values())
    # The goal: no page runs more queries for more bureaus. One may run fewer (the map of China stops reading
    # profile rows once there are too many to link one by one).
    bounded = all(counts[name] <= first[name] for counts in by_step.values() for name in first)
    header = " / ".join(f"{step:,}" for step in by_step)
    rows = [(f"queries per page at {header} bureaus", "")]
    rows += [(f"  {name}", " / ".join(str(counts[name]) for counts in by_step.values())) for name in PAGES]
    rows.append(("none more for more bureaus", "yes" if bounded else "NO"))
    rows.append(("identical at every size", "yes" if constant else "no"))
    return {
        "queries_per_page": {str(step): counts for step, counts in by_step.items()},
        "identical": constant,
        "bounded": bounded,
        "_rows": rows,
    }

"""
Readers and staff at once on SQLite: 50 readers browsing while 5 publishers edit
bureaus through the admin (open the working copy, save it, publish it), for a fixed
time, through gunicorn on loopback.

Passes when no request fails and every save the admin acknowledged and published is
on the published bureau afterwards.
"""

import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from http.cookiejar import CookieJar

from django.contrib.auth import get_user_model

from benchmarks.processes import environment, gunicorn
from bureaus.models import Bureau

PASSWORD = "bench-staff-password-1"


class FormFields(HTMLParser):
    """The fields a browser would submit from the admin's change form (#bureau_form)."""

    def __init__(self):
        super().__init__()
        self.fields, self.in_form, self.select, self.textarea = [], False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "bureau_form":
            self.in_form = True
        if not self.in_form:
            return
        if tag == "input" and attrs.get("name") and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((attrs["name"], attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select" and attrs.get("name"):
            self.select = {"name": attrs["name"], "selected": None, "first": None}
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in attrs:
                self.select["selected"] = value
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = [attrs["name"], ""]

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "select" and self.select is not None:
            # A browser sends the selected option, or the first one when none is marked.
            chosen = self.select["selected"] if self.select["selected"] is not None else self.select["first"]
            self.fields.append((self.select["name"], chosen or ""))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def _csrf(opener, url):
    html = opener.open(url, timeout=30).read().decode()
    marker = 'name="csrfmiddlewaretoken" value="'
    return html, html.split(marker, 1)[1].split('"', 1)[0]


def _staff(base, username, bureau_pk, deadline, record):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    _, token = _csrf(opener, base + "/admin/login/")
    data = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/admin/"}
    )
    opener.open(base + "/admin/login/", data.encode(), timeout=30).read()
    bureau_url = f"{base}/admin/bureaus/bureau/{bureau_pk}"
    number = 0
    while time.monotonic() < deadline:
        number += 1
        try:
            # As a publisher works: open the working copy, save a change to it, look at it, publish what they saw.
            _, token = _csrf(opener, f"{bureau_url}/change/")
            response = opener.open(f"{bureau_url}/edit/", _form({"csrfmiddlewaretoken": token}), timeout=60)
            html, copy_url = response.read().decode(), response.url
            parser = FormFields()
            parser.feed(html)
            marker = f"saved by {username} #{number}"
            fields = [(name, marker if name == "summary_en" else value) for name, value in parser.fields]
            response = opener.open(copy_url, urllib.parse.urlencode(fields).encode(), timeout=60)
            response.read()
            if not response.url.rstrip("/").endswith("/admin/bureaus/bureau"):
                record["errors"].append(f"{username}: the admin did not accept save #{number}")
                continue
            html = opener.open(copy_url, timeout=60).read().decode()
            revision = html.split('name="revision" value="', 1)[1].split('"', 1)[0]
            response = opener.open(
                f"{bureau_url}/publish/", _form({"csrfmiddlewaretoken": token, "revision": revision}), timeout=60
            )
            response.read()
            record["acknowledged"][bureau_pk] = marker
            record["saves"] += 1
        except Exception as error:  # every failure is counted, none may stop the run
            record["errors"].append(f"{username}: {error}")


def _form(fields):
    return urllib.parse.urlencode(fields).encode()


def _reader(base, urls, deadline, record, seed):
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + rng.choice(urls), timeout=60).read()
            record["reads"] += 1
        except Exception as error:
            record["errors"].append(f"reader: {error}")


def run(database_url, seconds=60, readers=50, staff=5):
    User = get_user_model()
    bureaus = list(Bureau.objects.published().order_by("pk")[:staff])
    for index in range(staff):
        User.objects.filter(username=f"bench-staff-{index}").delete()
        User.objects.create_superuser(f"bench-staff-{index}", "", PASSWORD)
    slugs = list(Bureau.objects.published().values_list("slug", flat=True)[:200])
    urls = ["/", "/bureaus/", "/bureaus/?q=kindergarten", "/statistics/", *(f"/bureaus/{slug}/" for slug in slugs)]
    record = {"reads": 0, "saves": 0, "errors": [], "acknowledged": {}}
    with gunicorn(environment(database_url)) as base:
        deadline = time.monotonic() + seconds
        threads = [
            threading.Thread(target=_staff, args=(base, f"bench-staff-{i}", bureaus[i].pk, deadline, record))
            for i in range(staff)
        ]
        threads += [threading.Thread(target=_reader, args=(base, urls, deadline, record, i)) for i in range(readers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    stored = dict(Bureau.objects.filter(pk__in=record["acknowledged"]).values_list("pk", "summary_en"))
    missing = [pk for pk, marker in record["acknowledged"].items() if stored.get(pk) != marker]
    passed = not record["errors"] and not missing and record["saves"] > 0
    return {
        "seconds": seconds,
        "readers": readers,
        "staff": staff,
        "reads": record["reads"],
        "saves_acknowledged": record["saves"],
        "errors": len(record["errors"]),
        "first_errors": record["errors"][:5],
        "acknowledged_saves_missing": len(missing),
        "passed": passed,
        "_rows": [
            ("run", f"{seconds} s, {readers} readers and {staff} staff saving through the admin, on SQLite"),
            ("reads / saves acknowledged", f"{record['reads']:,} / {record['saves']:,}"),
            ("errors", f"{len(record['errors'])}" + (f" (first: {record['errors'][0]})" if record["errors"] else "")),
            ("acknowledged saves missing afterwards", f"{len(missing)}"),
            ("target: zero errors, every acknowledged save present", "met" if passed else "NOT met"),
        ],
    }

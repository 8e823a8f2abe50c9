"""Search kept current across operating-system processes (bureaus/search/engine.py): two worker processes,
each with its own index in memory, over one database; an edit committed through one is found by the other's
next search, and a worker killed after the commit but before its index learnt of it, once restarted, serves
what was committed.

The processes share a database file of their own (the test database lives in this process's memory, which no
other process can open), so the test is the same on either CI database.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest
from django.conf import settings

WORKER = textwrap.dedent(
    """
    import json, os, sys
    import django
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    django.setup()
    from django.test import Client
    from bureaus.models import Bureau, Duty
    client = Client()
    for line in sys.stdin:  # one command a line: ["search", words] or ["edit", slug, duty text]
        command = json.loads(line)
        if command[0] == "search":
            page = client.get("/bureaus/", {"q": command[1]}).content.decode()
            found = sorted(slug for slug in Bureau.objects.values_list("slug", flat=True) if f"/bureaus/{slug}/" in page)
            print(json.dumps(found), flush=True)
        elif command[0] == "edit":
            Duty.objects.create(bureau=Bureau.objects.get(slug=command[1]), kind="responsibility", text_en=command[2])
            print(json.dumps("edited"), flush=True)
        elif command[0] == "die-before-indexing":
            from bureaus.search import engine
            engine.LocalIndex.update = lambda self, key: os._exit(9)  # killed between commit and index update
            Duty.objects.create(bureau=Bureau.objects.get(slug=command[1]), kind="responsibility", text_en=command[2])
            client.get("/bureaus/", {"q": command[2]})
    """
)


class Worker:
    """A worker process of the portal, with its own search index in memory, driven line by line."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER], cwd=settings.BASE_DIR, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip

    def ask(self, *command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"the worker stopped: {self.process.stderr.read()[-3000:]}")
        return json.loads(line)

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=60)


@pytest.fixture
def shared_database(tmp_path):
    """A migrated SQLite database file with one published bureau, and the environment its workers run in."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_URL", "CACHE_URL"))}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        DJANGO_DEBUG="1",
        SEARCH_ENGINE="tantivy",
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput"], cwd=settings.BASE_DIR, env=env, check=True, capture_output=True)
    create = (
        "from bureaus.models import Bureau; Bureau.objects.create(slug='worker', name_en='Plain Bureau', "
        "province='Liaoning', city='Shenyang', district='Heping District', is_published=True)"
    )
    subprocess.run([*manage, "shell", "-c", create], cwd=settings.BASE_DIR, env=env, check=True, capture_output=True)
    return env


def test_an_edit_through_one_worker_process_is_found_by_another_at_its_next_search(shared_database):
    editor, searcher = Worker(shared_database), Worker(shared_database)
    try:
        assert searcher.ask("search", "plain") == ["worker"]  # its index is built, before the edit
        assert searcher.ask("search", "aquaponics") == []
        assert editor.ask("edit", "worker", "Build an aquaponics teaching garden") == "edited"
        assert searcher.ask("search", "aquaponics") == ["worker"]  # the other process's very next search
    finally:
        editor.stop()
        searcher.stop()


def test_a_worker_killed_between_the_commit_and_its_index_update_serves_the_commit_once_restarted(shared_database):
    survivor, doomed = Worker(shared_database), Worker(shared_database)
    try:
        assert survivor.ask("search", "plain") == ["worker"]
        doomed.ask("search", "plain")
        doomed.process.stdin.write(json.dumps(["die-before-indexing", "worker", "Vineyards for every school"]) + "\n")
        doomed.process.stdin.flush()
        assert doomed.process.wait(timeout=60) == 9  # it died after the database committed the duty
        restarted = Worker(shared_database)
        assert restarted.ask("search", "vineyards") == ["worker"]
        assert survivor.ask("search", "vineyards") == ["worker"]
        restarted.stop()
    finally:
        survivor.stop()
        doomed.stop()

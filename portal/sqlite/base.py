"""
Django's SQLite backend, running ``PRAGMA optimize`` as each connection closes.

SQLite plans a query from the statistics ``ANALYZE`` last gathered. A table that has grown a lot
since keeps its old figures: profile snapshots, rendered as visitors first open each bureau, were
counted at 29 rows and then numbered 600, and the planner scanned all of them for a list page's 25
cards (1.2 ms, and growing with the table) instead of using the index. SQLite's advice for this is
``PRAGMA optimize`` before a connection closes: it analyses again only the tables the connection
used whose size has moved a lot, and is otherwise nearly free. Connections live for
``DATABASE_CONN_MAX_AGE`` seconds (60), so this runs about once a minute per server process.
"""

import contextlib
import sqlite3

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def close(self):
        if self.connection is not None and not self.in_atomic_block:
            # A closing connection in trouble: closing it matters more than its statistics.
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("PRAGMA optimize")
        super().close()

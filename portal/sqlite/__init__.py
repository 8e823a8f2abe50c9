"""Django's SQLite backend, keeping the query planner's statistics current (see ``base``)."""

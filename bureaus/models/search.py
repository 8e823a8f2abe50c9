"""The text a bureau is found by: one row per bureau, indexed by the database's full-text search."""

from django.db import models


class SearchEntry(models.Model):
    """A bureau's searchable text, rebuilt whenever its content changes (see ``bureaus.search``).

    The full-text index itself is made by the database: an FTS5 table kept in step by
    triggers on SQLite, a generated ``tsvector`` column with a GIN index on PostgreSQL
    (migration 0004).
    """

    bureau = models.OneToOneField("bureaus.Bureau", on_delete=models.CASCADE, primary_key=True, related_name="+")
    name = models.TextField()
    place = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        ordering = ["bureau"]
        verbose_name_plural = "search entries"
        constraints = [models.CheckConstraint(condition=~models.Q(name=""), name="search_entry_name_not_empty")]

    def __str__(self):
        return self.name

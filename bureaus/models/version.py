"""A counter that moves whenever anything the public pages show changes: the key to cached pages."""

from django.db import connection, models
from django.db.models import F
from django.utils import timezone


class ContentVersion(models.Model):
    """One row. Every app server reads it, so caches of every server go stale together."""

    number = models.BigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="content_version_single_row")]

    def __str__(self):
        return f"content version {self.number}"

    @classmethod
    def current(cls):
        """(number, changed_at) of the current content."""
        row = cls.objects.filter(pk=1).values_list("number", "changed_at").first()
        return row or (0, None)

    @classmethod
    def cache_key_part(cls):
        """The current version as text, read with one plain SQL statement: the page cache asks on every hit."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT number, changed_at FROM {cls._meta.db_table} WHERE id = 1")
            row = cursor.fetchone()
        return f"{row[0]}:{row[1]}" if row else "0"

    @classmethod
    def bump(cls):
        """Mark the content changed (inside the caller's transaction, so it rolls back with it).

        Called by the content seam (``bureaus.content``), not directly.
        """
        if not cls.objects.filter(pk=1).update(number=F("number") + 1, changed_at=timezone.now()):
            cls.objects.get_or_create(pk=1)

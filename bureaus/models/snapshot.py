"""A published bureau's profile and result card as the public sees them, rendered once per version of
the bureau."""

import json

from django.db import connection, models
from django.db.models import Q

from bureaus.models.bureau import Bureau

# What a visitor's profile page needs of its bureau beside the snapshot: the frame (title, breadcrumbs,
# links) and the draft notice. Anything else would be read by a query of its own, which the query-count
# tests would notice.
FRAME_FIELDS = (
    "id",
    "slug",
    "name_en",
    "name_zh_hans",
    "district",
    "city",
    "province",
    "page_version",
    "is_published",
    "draft_of_id",
)


class ProfileSnapshotQuerySet(models.QuerySet):
    def current_for_visitor(self, slug, language, fingerprint):
        """The published bureau ``slug`` (only its ``FRAME_FIELDS``) with its snapshot in ``language``,
        current for its page version and ``fingerprint``, as ``snapshot_html`` and ``snapshot_json_ld``;
        None when there is no such bureau or the snapshot is missing or stale.

        One query, written out: Django spends about 0.3 ms compiling the equivalent join, ten times
        what the database takes to answer it, and this is the page visitors open most.
        """
        columns = ", ".join(f"b.{field}" for field in FRAME_FIELDS)
        found = Bureau.objects.raw(
            f"SELECT {columns}, s.html AS snapshot_html, s.json_ld AS snapshot_json_ld "
            f"FROM {Bureau._meta.db_table} b JOIN {self.model._meta.db_table} s ON s.bureau_id = b.id "
            "WHERE b.slug = %s AND b.is_published = %s AND s.language = %s "
            "AND s.page_version = b.page_version AND s.built_with = %s",
            [slug, True, language, fingerprint],
        )
        for bureau in found:
            # An extra column comes as the database gives it: JSON text on both databases (Django asks
            # psycopg not to decode jsonb, leaving it to JSONField).
            if isinstance(bureau.snapshot_json_ld, str):
                bureau.snapshot_json_ld = json.loads(bureau.snapshot_json_ld)
            return bureau
        return None

    def cards(self, bureau_ids, language, fingerprint):
        """{bureau id: (page version, card html)} of the stored result cards of these bureaus in ``language``
        rendered by ``fingerprint``; written out for the reason above (a list page's cards, every page)."""
        return self._stored("card_html", bureau_ids, language, fingerprint)

    def documents(self, bureau_ids, language, fingerprint):
        """{bureau id: (page version, open-data JSON text)} of these bureaus, as ``cards`` (the API's list)."""
        return self._stored("data_json", bureau_ids, language, fingerprint)

    def _stored(self, column, bureau_ids, language, fingerprint):
        if not bureau_ids:
            return {}
        placeholders = ", ".join(["%s"] * len(bureau_ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT bureau_id, page_version, {column} FROM {self.model._meta.db_table} "
                f"WHERE language = %s AND built_with = %s AND bureau_id IN ({placeholders})",
                [language, fingerprint, *bureau_ids],
            )
            return {bureau_id: (version, stored) for bureau_id, version, stored in cursor.fetchall()}


class ProfileSnapshot(models.Model):
    """The rendered body of a published bureau's profile in one language, for one ``page_version`` of
    the bureau.

    The public profile reads it in one query and renders only the frame around it, a result
    list reads the cards of its page's bureaus in one query, and the API's list their open-data JSON;
    a change to the bureau moves its page version, so the next visit renders it again (only that
    bureau's). ``built_with`` fingerprints the templates and code that rendered it, so a release
    that changes them renders every profile afresh, lazily.
    """

    bureau = models.ForeignKey(Bureau, on_delete=models.CASCADE, related_name="snapshots")
    language = models.CharField(max_length=10, help_text="The interface language it was rendered in.")
    page_version = models.PositiveIntegerField()
    built_with = models.CharField(max_length=64)
    html = models.TextField()
    card_html = models.TextField(
        default="", help_text="The bureau's card in result lists, with a marker where a search snippet goes."
    )
    json_ld = models.JSONField(help_text="schema.org data of the page, without its address (added per request).")
    data_json = models.TextField(
        default="",
        help_text="The bureau in the open-data JSON format (serializers.bureau_to_dict) as the API writes it, "
        "the same in every language: the API's list joins these.",
    )

    objects = ProfileSnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["bureau", "language"]
        constraints = [
            models.UniqueConstraint(fields=["bureau", "language"], name="profile_snapshot_one_per_language"),
            models.CheckConstraint(condition=~Q(html=""), name="profile_snapshot_not_empty"),
        ]

    def __str__(self):
        return f"profile of bureau {self.bureau_id} in {self.language}, version {self.page_version}"

    def get_absolute_url(self):
        return self.bureau.get_absolute_url()

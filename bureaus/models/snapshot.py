"""A published bureau's profile and result card as the public sees them, rendered once per version of
the bureau."""

from django.db import models
from django.db.models import Q

from bureaus.models.bureau import Bureau


class ProfileSnapshot(models.Model):
    """The rendered body of a published bureau's profile in one language, for one ``page_version`` of
    the bureau.

    The public profile reads it in one query and renders only the frame around it, and a result
    list reads the cards of its page's bureaus in one query;
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

    def is_current(self, bureau, fingerprint):
        return self.page_version == bureau.page_version and self.built_with == fingerprint

"""Keep each bureau's search entry, and the content version cached pages hang on, in step with its content."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import search
from .models import (
    Achievement,
    Bureau,
    ContentVersion,
    Department,
    Duty,
    FactSource,
    InstitutionCount,
    InstitutionType,
    SourceDocument,
)

ITEM_MODELS = (Department, Duty, Achievement, InstitutionCount)


@receiver(post_save, sender=Bureau)
def bureau_saved(sender, instance, **kwargs):
    search.refresh([instance.pk])


def item_changed(sender, instance, origin=None, **kwargs):
    if isinstance(origin, Bureau) or getattr(origin, "model", None) is Bureau:
        return  # the whole bureau is being deleted, its entry with it
    search.refresh([instance.bureau_id])


for model in ITEM_MODELS:
    post_save.connect(item_changed, sender=model, dispatch_uid=f"search-{model.__name__}-saved")
    post_delete.connect(item_changed, sender=model, dispatch_uid=f"search-{model.__name__}-deleted")


@receiver(post_save, sender=InstitutionType)
def institution_type_saved(sender, instance, created, **kwargs):
    if not created:
        search.refresh(instance.counts.values_list("bureau_id", flat=True).distinct())


def content_changed(sender, **kwargs):
    ContentVersion.bump()


for model in (Bureau, *ITEM_MODELS, InstitutionType, SourceDocument, FactSource):
    post_save.connect(content_changed, sender=model, dispatch_uid=f"version-{model.__name__}-saved")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"version-{model.__name__}-deleted")

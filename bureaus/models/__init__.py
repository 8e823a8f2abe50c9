"""
The data model of a district education bureau's profile.

A ``Bureau`` owns ordered lists of departments, duties, achievements and
institution counts, and the source documents its facts were drawn from; each
fact can point at the sentence of its source it came from. Every model has a
natural key, so fixtures carry no primary keys and loading the same fixture
twice updates rows instead of duplicating them.
"""

from bureaus.models.base import EARLIEST_YEAR, LATEST_YEAR
from bureaus.models.bureau import Bureau, BureauQuerySet
from bureaus.models.editors import Assignment
from bureaus.models.items import Achievement, Department, Duty, InstitutionCount, InstitutionType
from bureaus.models.listing import BureauListing, CoverageTally, ProvinceTally, TypeTally
from bureaus.models.search import SearchEntry
from bureaus.models.snapshot import ProfileSnapshot
from bureaus.models.sources import FactSource, SourceDocument, sha256_of
from bureaus.models.version import ContentVersion

__all__ = [
    "Assignment",
    "EARLIEST_YEAR",
    "LATEST_YEAR",
    "ProfileSnapshot",
    "SearchEntry",
    "Achievement",
    "Bureau",
    "BureauQuerySet",
    "BureauListing",
    "ContentVersion",
    "Department",
    "Duty",
    "FactSource",
    "InstitutionCount",
    "InstitutionType",
    "SourceDocument",
    "CoverageTally",
    "ProvinceTally",
    "TypeTally",
    "sha256_of",
]

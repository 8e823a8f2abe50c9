"""Where the portal's own data files live: the shared institution types and the seed bureaus."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
INSTITUTION_TYPES_FIXTURE = FIXTURES_DIR / "institution_types.json"
SEED_FIXTURES = sorted((FIXTURES_DIR / "bureaus").glob("*.json"))


@cache
def standard_institution_types():
    """The shared institution types as {slug: fields}, read from their fixture."""
    records = json.loads(INSTITUTION_TYPES_FIXTURE.read_text(encoding="utf-8"))
    return {record["fields"]["slug"]: record["fields"] for record in records}

"""Where the portal's own data files live: the shared institution types and the seed bureaus."""

from pathlib import Path

from django.conf import settings

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
INSTITUTION_TYPES_FIXTURE = FIXTURES_DIR / "institution_types.json"
SEED_FIXTURES = sorted((FIXTURES_DIR / "bureaus").glob("*.json"))

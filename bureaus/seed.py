"""Where the portal's own data files live: the shared institution types, the seed bureaus and the real ones."""

from pathlib import Path

from django.conf import settings

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
INSTITUTION_TYPES_FIXTURE = FIXTURES_DIR / "institution_types.json"
SEED_FIXTURES = sorted((FIXTURES_DIR / "bureaus").glob("*.json"))
# Real bureaus from the corpora's pages, with only the facts their expected files confirm (written by
# ``manage.py build_real_bureaus``; the README's "Real bureaus" says where each came from).
REAL_FIXTURES = sorted((FIXTURES_DIR / "real").glob("*.json"))

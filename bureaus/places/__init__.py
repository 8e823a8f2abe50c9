"""
Places: China's provincial-level divisions (``regions``) and the gazetteer of
prefecture-level cities the importer resolves place names with (``gazetteer``).

Owns: place vocabularies and the data files under ``data/``. May import nothing of
the project (pure Python, no Django), so every other room may import it.
"""

"""
Places: China's provincial-level divisions (``regions``) and the gazetteer of
prefecture-level cities the importer resolves place names with (``gazetteer``), and a place as
a page in either language names it (``names``), and the map of China the pages draw: outlines and
points in one projection (``maps``).

Owns: place vocabularies and the data files under ``data/``. May import nothing of
the project (pure Python, no Django), so every other room may import it.
"""

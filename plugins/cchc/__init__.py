"""CCHC: publish a Vietnamese agency's administrative-reform section with MkDocs."""
import os

# Material for MkDocs prints an English banner about MkDocs 2.0 on import unless this is set. mkdocs.yml
# imports this package first (the toc slugify `!!python/name:cchc…`, read before the theme is loaded),
# so officers never see it and need not know the variable.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")

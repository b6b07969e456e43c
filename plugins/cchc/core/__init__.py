"""The core: plain Python, no MkDocs import. Files -> records -> collections -> pages/feeds/exports."""

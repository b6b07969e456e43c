"""The thin MkDocs layer: options, events, virtual files and pages. Only maps core results."""

"""CCHC: publish a Vietnamese agency's administrative-reform section with MkDocs."""

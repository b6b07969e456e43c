"""Vietnamese text and dates: NFC, folding, slugs, order, dates in words, legacy encodings."""

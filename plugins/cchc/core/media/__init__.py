"""Images: processing, variants, the cache of processed images, social cards and fonts."""

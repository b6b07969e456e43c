"""News (tin/bài): articles, their collections, pages, feeds, the embeddable box and Word import."""

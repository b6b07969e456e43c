"""Administrative procedures (thủ tục hành chính): records, listing, pages, change feed, import."""

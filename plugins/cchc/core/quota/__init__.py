"""Propaganda plans and quotas: months against targets, the quota pages, exports and reports."""

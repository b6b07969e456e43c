"""Chỉ số CCHC: results of the administrative-reform indices, their page and chart."""

"""Corpora: many sources in (folders, WARC archives, feeds, sitemaps), one SQLite database out (--db), the
analysis optionally on a Dask cluster (--dask), and `conflictcli report` across what the database holds.

expand (sources → entries) → keys (what makes an article already stored) → run (analysis in input order,
local or dask) → store (one writer, batched transactions) ← report (queries) ← report_command (the CLI).
"""

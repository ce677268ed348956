"""Ingest: sources in, Articles (or Rejected records with their reason) out."""

from newsgraph.ingest.readers import read_paths
from newsgraph.ingest.records import Rejected, text_id

__all__ = ["Rejected", "read_paths", "text_id"]

"""Ingest: sources in, Articles (or Rejected records with their reason) out."""

from newsgraph.ingest.readers import Skipped, check_paths, read_paths
from newsgraph.ingest.records import Rejected, text_id

__all__ = ["Rejected", "Skipped", "check_paths", "read_paths", "text_id"]

"""newsgraph: news reports about conflict in, sourced and queryable facts out."""

from newsgraph.model import SCHEMA_VERSION

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "__version__"]

"""A read-only web view of a store: timeline, map, claims and figures, each row one click from its sentence."""

from newsgraph.serve.app import make_app, make_server, serve

__all__ = ["make_app", "make_server", "serve"]

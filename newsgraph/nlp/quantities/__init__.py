"""The quantities stage."""

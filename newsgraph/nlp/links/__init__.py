"""The links stage."""

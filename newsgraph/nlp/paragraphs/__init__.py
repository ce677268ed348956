"""The paragraphs stage."""

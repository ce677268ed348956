"""The NLP stages: spaCy's model plus one component per stage, each writing its items to ``Doc._``."""

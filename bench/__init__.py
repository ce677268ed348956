"""Benchmarks and long-running checks; a package so tests can import the fuzz harness (``bench.fuzz``)."""

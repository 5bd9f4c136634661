"""Benchmarks run with `make bench`; they are not part of the test suite."""

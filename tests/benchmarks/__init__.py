"""Benchmarks, run by hand (see README); each prints its figures as a table."""

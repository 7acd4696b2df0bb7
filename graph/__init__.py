"""Triples to one graph: building, reading and writing, queries, views."""

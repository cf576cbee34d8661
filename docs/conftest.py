"""Pytest settings for the documentation: only the Markdown pages are doctests."""

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_build/*"]

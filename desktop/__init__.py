"""Manage Account: the desktop application and its domain services."""

# The one place the version is written: the package metadata takes it from here (pyproject.toml),
# so a start does not have to import importlib.metadata to know it.
__version__ = "0.1.0"

"""Manage Account: the desktop application and its domain services."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("manage-account")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

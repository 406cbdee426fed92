"""a4p-kg: the Secretary-General's Action for Peacekeeping reports as a knowledge graph."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("a4p-kg")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]

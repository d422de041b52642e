"""Provincial gateway for the station ↔ gateway sync protocol, version 1."""

__version__ = "0.1.0"

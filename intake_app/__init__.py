"""Dossier-intake desk for the one-stop-shop counter of a Vietnamese commune."""

__version__ = "0.1.0"

"""Tra cứu (F3): one search box over every dossier, and the dossier's details."""

from .dossier_dialog import DossierDialog
from .screen import FindScreen

__all__ = ["DossierDialog", "FindScreen"]

"""Trả kết quả (F4): hand a dossier's result to the citizen and record it."""

from .screen import HandBackScreen

__all__ = ["HandBackScreen"]

"""The Receive screen (Tiếp nhận, F2)."""

from .screen import IntakeScreen

__all__ = ["IntakeScreen"]

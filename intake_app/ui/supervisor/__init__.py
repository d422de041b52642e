"""Giám sát (F5): what is due or late, counts by status, the daily log and report 06a."""

from .screen import SupervisorScreen

__all__ = ["SupervisorScreen"]

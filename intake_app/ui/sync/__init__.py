"""Đồng bộ: the sync screen, its settings page, and the bridge to the background runner."""

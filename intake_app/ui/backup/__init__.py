"""Backups in the window: taken by themselves (start of day, daily, on exit), shown in the
status bar, and the "Sao lưu và khôi phục" page for administrators."""

"""Rules of the counter that need neither Qt nor SQL: codes, calendar, ID numbers, fees, text.

Everything here is pure Python and is tested without a database or a window.
"""

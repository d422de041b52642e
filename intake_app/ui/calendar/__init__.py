"""Lịch làm việc: the days off and working days in force, and importing a signed notice."""

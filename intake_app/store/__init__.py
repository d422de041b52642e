"""The station's durable store: one SQLite file through sqlite-utils, WAL, synchronous=FULL.

Each module holds the SQL of one subject (settings, reference data, dossiers, outbox); the
rules they apply come from `intake_app.domain`.
"""

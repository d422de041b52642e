"""The desktop window: a thin Qt layer over `intake_app.desk.Desk`.

Every rule, every write and every PDF comes from the core; widgets only collect input, call the
desk, and show what it returns. Visible strings are written in Vietnamese and go through Qt's
`tr()`; `resources/translations/` holds the English translation.
"""

from .pyside_imports import skip_source_reads

skip_source_reads()  # before the window's modules are imported (see pyside_imports)

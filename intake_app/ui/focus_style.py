"""The focus ring: where the cursor is, drawn by a style sheet so every platform style shows it.

The platform styles draw focus faintly or not at all (the old Windows style: a dotted line
inside a tick box; a combo box: a tint a clerk does not see). The ring here is a thick amber
border with a pale fill on every control that takes the keyboard, the same on every style.
A focused push button keeps the size it had unfocused (no padding added: its text is never
cut). `FOCUS_STYLE` is set on the main window (and on a screen built on its own, in tests): its
dialogs inherit it.
"""

from __future__ import annotations

RING = "#e0a100"  # amber: stands out from the blue of the window and the red of errors
FILL = "#fff4cc"

FOCUS_STYLE = f"""
QLineEdit:focus, QSpinBox:focus, QDateEdit:focus, QDateTimeEdit:focus, QPlainTextEdit:focus,
QTextEdit:focus {{ border: 2px solid {RING}; background: {FILL}; border-radius: 3px; }}
QComboBox:focus {{ border: 2px solid {RING}; background: {FILL}; border-radius: 3px;
                   padding: 1px 18px 1px 4px; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; padding: 1px 3px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {RING}; background: {FILL};
                                       border-radius: 3px; }}
QPushButton:focus {{ border: 2px solid {RING}; background: {FILL}; border-radius: 4px;
                     padding: 0px 2px; }}
QAbstractItemView:focus {{ border: 2px solid {RING}; }}
"""

"""Steps after receipt, from the dossier dialog: move the dossier on, set a new appointment,
print the official slips."""

from .extend_dialog import ExtendDueDialog
from .step_dialog import StepDialog

__all__ = ["ExtendDueDialog", "StepDialog"]

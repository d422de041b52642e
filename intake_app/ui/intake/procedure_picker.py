"""The procedure picker: type a code or words of the name without accents, Enter picks."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain.formatting import processing_time_text
from ...domain.procedures import Procedure
from ..operations import QueryOp
from ..session import Session
from .suggest_edit import SuggestEdit

MAX_SHOWN = 50


class ProcedurePicker(SuggestEdit):
    """A type-ahead over the catalogue; `value` is the picked `Procedure`."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent, popup_width=640)
        self._session = session
        self.setPlaceholderText(
            self.tr("Gõ mã hoặc tên thủ tục, không cần dấu (vd: chung thuc ban sao)")
        )
        self.setClearButtonEnabled(True)

    def fetch_suggestions(self, text: str) -> None:
        QueryOp(
            self._session, parent=self,
            op=lambda desk: desk.procedures(text)[:MAX_SHOWN],
            success=lambda found: self.show_list(text, [(self._describe(p), p) for p in found]),
        ).failure(lambda _error: self.show_list(text, [])).quietly().latest(self).run()

    def _describe(self, procedure: Procedure) -> str:
        return (f"{procedure.code}  {procedure.name}\n"
                f"    {procedure.field_name} · {processing_time_text(procedure.time)}")

    def text_for(self, value: Procedure) -> str:
        return f"{value.code} – {value.name}"

"""Saved means saved (issue 9.3): once the dossier is committed, nothing that fails afterwards
(the receipt's layout, a font, the disk) says it was not saved, and start-up never stops on
one receipt it cannot rebuild.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import UNIT, as_user, cli_process, intake_request, rows, set_up_accounts
from station_db import kept_pdf, open_db

from intake_app.desk import Desk
from intake_app.logs import log_path, setup_logging
from intake_app.paths import resources_dir
from intake_app.store.db import DATABASE_FILE


def resources_with_broken_font(tmp_path: Path, *, missing: bool) -> Path:
    """A copy of the app's resources whose regular Tinos face is cut short (or missing)."""
    copy = tmp_path / "resources"
    copy.mkdir()
    for item in resources_dir().iterdir():
        if item.name != "fonts":
            (copy / item.name).symlink_to(item, target_is_directory=item.is_dir())
    shutil.copytree(resources_dir() / "fonts", copy / "fonts")
    regular = copy / "fonts" / "Tinos-Regular.ttf"
    if missing:
        regular.unlink()
    else:
        regular.write_bytes(regular.read_bytes()[:2000])  # a damaged copy
    return copy


def cli(folder: Path, *args: str, resources: Path | None = None,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"INTAKE_APP_RESOURCES": str(resources)} if resources is not None else None
    return cli_process(folder, *args, stdin=stdin, env=env)


@pytest.mark.parametrize("missing", [False, True], ids=["damaged-font", "missing-font"])
def test_receive_exits_0_naming_the_code_when_the_receipt_cannot_be_printed(
        data_dir, tmp_path, missing):
    broken = resources_with_broken_font(tmp_path, missing=missing)
    request = json.dumps(intake_request(), ensure_ascii=False)
    done = cli(data_dir, "receive", "--json", "-", resources=broken, stdin=request)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    code = out["code"]
    assert out["receipt"] is None
    assert f"đã lưu hồ sơ {code}, nhưng chưa in được giấy tiếp nhận" in done.stderr
    assert "Tinos-Regular.ttf" in done.stderr and "phông chữ" in done.stderr
    assert f"in lại bằng `intake-app receipt {code}" in done.stderr
    assert "Traceback" not in done.stderr
    assert rows(data_dir, "SELECT code FROM dossiers") == [(code,)]
    assert "Traceback" in log_path(data_dir).read_text(encoding="utf-8")  # details for IT

    # Printing it again while the font is still broken: a storage problem, exit 4.
    again = cli(data_dir, "receipt", code, "--out", str(tmp_path / "copy.pdf"), resources=broken)
    assert again.returncode == 4 and "phông chữ" in again.stderr
    assert "Traceback" not in again.stderr
    # Once the app is repaired, the reprint also writes the original that was never written.
    fixed = cli(data_dir, "receipt", code, "--out", str(tmp_path / "copy.pdf"))
    assert fixed.returncode == 0, fixed.stderr
    with as_user(Desk(data_dir)) as desk:
        assert kept_pdf(desk.receipt_path(desk.receipt(code))).startswith(b"%PDF")


def test_the_desk_returns_the_saved_dossier_whatever_fails_after_the_commit(make_desk):
    desk = make_desk()

    def layout_fails(receipt):
        from reportlab.platypus.doctemplate import LayoutError

        raise LayoutError("Flowable too large on page 1")

    desk.write_receipt = layout_fails
    result = desk.receive(intake_request())
    assert result.receipt_path is None and "PDF" in result.receipt_error
    assert desk.dossier(result.dossier.code).applicant.name == "Nguyễn Văn Đức"


def saved_by_an_older_version_with_a_name_too_long_to_print(folder: Path, code: str) -> None:
    """A dossier stamped before names had a limit: its receipt cannot be laid out."""
    with contextlib.closing(open_db(folder / DATABASE_FILE)) as conn:
        conn.execute("UPDATE dossiers SET receipt = json_set(receipt, '$.applicant_name', ?) "
                     "WHERE code = ?", ["x" * 3000, code])
        conn.commit()


def test_start_up_lists_the_receipt_it_cannot_rebuild_and_opens_the_window(tmp_path, qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from intake_app.ui import app as app_module

    folder = tmp_path / "station"
    with Desk(folder) as desk:  # the real clock: both within the last 7 days
        desk.init_station(**UNIT)
        set_up_accounts(desk)
        as_user(desk)
        first = desk.receive(intake_request())
        second = desk.receive(intake_request())
    saved_by_an_older_version_with_a_name_too_long_to_print(folder, first.dossier.code)
    first.receipt_path.unlink()  # a power cut between the commit and the PDF, twice
    second.receipt_path.unlink()

    setup_logging(folder)  # as `run_app` does before `start`
    window = app_module.start(QApplication.instance(), folder)
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()

    def notices() -> list[QMessageBox]:
        return [box for box in window.findChildren(QMessageBox) if box.isVisible()]

    qtbot.waitUntil(lambda: len(notices()) == 1, timeout=20_000)  # once the screens are built
    assert kept_pdf(second.receipt_path).startswith(b"%PDF")  # the other one is rebuilt
    assert not notices()[0].isModal()
    assert first.dossier.code in notices()[0].text() and "in lại" in notices()[0].text()
    assert "LayoutError" in log_path(folder).read_text(encoding="utf-8")
    assert window.session.close()

"""No output ever replaces what the app keeps (issue 9.1), through the real command line and
the window's save dialogs: the database, its -wal/-shm, receipts, anything in the data folder
(however the path is spelt: links, `..`, case on Windows); an existing file only with --force.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from conftest import intake_request, rows
from conftest import run_cli as run
from station_db import kept_pdf

from intake_app import data_folder
from intake_app.store.db import DATABASE_FILE


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kept(database: Path) -> tuple:
    """What the database holds (a refused command's log-in may add its audit record: the file
    itself changes, what it keeps must not): still a sound database, the same dossiers."""
    from station_db import open_db

    with open_db(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return (conn.execute("SELECT * FROM dossiers ORDER BY id").fetchall(),
                conn.execute("SELECT * FROM dossier_history ORDER BY id").fetchall(),
                conn.execute("SELECT count(*) FROM outbox").fetchone())


@pytest.fixture
def stamped(data_dir: Path, tmp_path: Path, capsys) -> tuple[Path, list[str], list[Path]]:
    """Two dossiers stamped through the command line: (folder, codes, their receipts)."""
    request = tmp_path / "request.json"
    request.write_text(json.dumps(intake_request(), ensure_ascii=False), encoding="utf-8")
    codes, receipts = [], []
    for _ in range(2):
        status, out, _ = run(capsys, data_dir, "receive", "--json", str(request))
        assert status == 0
        codes.append(out["code"])
        receipts.append(Path(out["receipt"]))
    return data_dir, codes, receipts


def refused(capsys, folder: Path, *args: str) -> str:
    status, out, err = run(capsys, folder, *args)
    assert status == 2 and out is None, err
    assert "Traceback" not in err
    return err


def test_receipt_out_onto_the_database_is_refused_and_every_dossier_stays(stamped, capsys):
    folder, codes, receipts = stamped
    database = folder / DATABASE_FILE
    before = kept(database)
    for target in (database, Path(f"{database}-wal"), Path(f"{database}-shm"),
                   folder / "receipts" / ".." / DATABASE_FILE,
                   folder / "receipts" / "new-copy.pdf"):
        err = refused(capsys, folder, "receipt", codes[0], "--out", str(target), "--force")
        assert "Không ghi vào" in err and ("cơ sở dữ liệu" in err or "thư mục dữ liệu" in err)
    assert kept(database) == before
    assert not (folder / "receipts" / "new-copy.pdf").exists()
    assert rows(folder, "SELECT count(*) FROM dossiers") == [(2,)]
    status, found, _ = run(capsys, folder, "find", "nguyen van duc")
    assert status == 0 and len(found) == 2


def test_receipt_out_onto_another_citizens_receipt_keeps_the_original(stamped, capsys):
    folder, codes, receipts = stamped
    original = digest(receipts[1])
    err = refused(capsys, folder, "receipt", codes[0], "--out", str(receipts[1]), "--force")
    assert "thư mục dữ liệu" in err
    assert digest(receipts[1]) == original


def test_links_and_hard_links_into_the_data_folder_are_refused(stamped, capsys, tmp_path):
    folder, codes, _ = stamped
    database = folder / DATABASE_FILE
    before = kept(database)
    (tmp_path / "looks-harmless.pdf").symlink_to(database)
    (tmp_path / "usb").symlink_to(folder, target_is_directory=True)
    os.link(database, tmp_path / "hard-link.pdf")
    for target in (tmp_path / "looks-harmless.pdf", tmp_path / "usb" / "copy.pdf",
                   tmp_path / "hard-link.pdf"):
        refused(capsys, folder, "receipt", codes[0], "--out", str(target), "--force")
    assert kept(database) == before
    assert rows(folder, "SELECT count(*) FROM dossiers") == [(2,)]


def test_every_out_command_is_guarded(stamped, capsys, tmp_path):
    folder, codes, _ = stamped
    inside = folder / "x"
    run(capsys, folder, "step", codes[0], "--to", "supplement", "--note", "Thiếu bản chính",
        "--document", "Giấy khai sinh")
    for args in (("slip", codes[0], "--kind", "supplement", "--out", f"{inside}.pdf"),
                 ("log", "--from", "2026-01-01", "--to", "2026-01-02", "--out", f"{inside}.csv"),
                 ("report", "--from", "2026-01-01", "--to", "2026-01-31",
                  "--out", f"{inside}.xlsx"),
                 ("sync", "export", "--out", f"{inside}.gz")):
        err = refused(capsys, folder, *args)
        assert "thư mục dữ liệu" in err, args
    assert not list(folder.glob("x.*"))


def test_an_existing_file_elsewhere_is_replaced_only_with_force(stamped, capsys, tmp_path):
    folder, codes, _ = stamped
    mine = tmp_path / "report-of-yesterday.pdf"
    mine.write_bytes(b"my own file")
    err = refused(capsys, folder, "receipt", codes[0], "--out", str(mine))
    assert "đã có" in err and "--force" in err
    assert mine.read_bytes() == b"my own file"
    log_csv = tmp_path / "so.csv"
    log_csv.write_text("keep me")
    refused(capsys, folder, "log", "--from", "2026-01-01", "--to", "2026-01-02",
            "--out", str(log_csv))
    assert log_csv.read_text() == "keep me"

    status, out, _ = run(capsys, folder, "receipt", codes[0], "--out", str(mine), "--force")
    assert status == 0 and kept_pdf(mine).startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.part"))  # written through a temporary file and a rename

    a_folder = tmp_path / "a-folder"
    a_folder.mkdir()
    err = refused(capsys, folder, "receipt", codes[0], "--out", str(a_folder), "--force")
    assert "là một thư mục" in err


def test_paths_are_compared_without_case_on_windows(stamped, monkeypatch, capsys):
    folder, codes, _ = stamped
    shouted = Path(str(folder).upper()) / DATABASE_FILE.upper()
    monkeypatch.setattr(data_folder, "CASE_INSENSITIVE", True)
    refused(capsys, folder, "receipt", codes[0], "--out", str(shouted), "--force")
    monkeypatch.setattr(data_folder, "CASE_INSENSITIVE", False)  # Linux: another file
    assert not shouted.exists()


# ---- the window's save dialogs ------------------------------------------------------------------

def test_the_receipt_preview_will_not_save_over_the_database(session, desk, qtbot, tmp_path):
    from intake_app.ui.intake.screen import IntakeScreen
    from intake_app.ui.receipt_preview import ReceiptPreviewDialog

    result = desk.receive(intake_request())
    screen = IntakeScreen(session)
    qtbot.addWidget(screen)
    dialog = ReceiptPreviewDialog(kept_pdf(result.receipt_path), screen, title=result.dossier.code)
    qtbot.addWidget(dialog)
    database = desk.data_dir / DATABASE_FILE
    before = digest(database)
    dialog.choose_file = lambda: str(database)  # the person picked the database in the dialog
    assert dialog.save_pdf() is None
    assert "cơ sở dữ liệu" in dialog.property("save_refusal")
    assert digest(database) == before
    # The system's dialog asked "replace?" about a.pdf: replaced. It did not ask about b.pdf
    # (the app added the extension), which exists: kept.
    (tmp_path / "a.pdf").write_bytes(b"old")
    (tmp_path / "b.pdf").write_bytes(b"old")
    dialog.choose_file = lambda: str(tmp_path / "a.pdf")
    assert dialog.save_pdf() == tmp_path / "a.pdf"
    assert (tmp_path / "a.pdf").read_bytes() == kept_pdf(result.receipt_path)
    dialog.choose_file = lambda: str(tmp_path / "b")
    assert dialog.save_pdf() is None and (tmp_path / "b.pdf").read_bytes() == b"old"


def test_the_export_and_sync_dialogs_will_not_save_into_the_data_folder(session, desk, qtbot):
    from intake_app.ui.supervisor.export_dialog import LogExportDialog
    from intake_app.ui.sync.screen import SyncScreen

    dialog = LogExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.export_to(desk.data_dir / "so.pdf")
    assert "thư mục dữ liệu" in dialog.property("save_refusal")
    assert not dialog.busy() and not (desk.data_dir / "so.pdf").exists()

    screen = SyncScreen(session)
    qtbot.addWidget(screen)
    screen.choose_export_path = lambda: desk.data_dir / DATABASE_FILE
    assert screen.export_file() is False  # nothing started
    assert "cơ sở dữ liệu" in screen.property("save_refusal")

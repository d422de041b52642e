"""The station's keys: made at set-up in the OS credential store, sealed for the recovery key,
brought back on a new PC with it, and never written in clear without the administrator's say."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from conftest import ADMIN, UNIT, run_cli

from intake_app.desk import Desk
from intake_app.station_keys import (
    KEYS_FILE,
    SERVICE,
    UNPROTECTED_FILE,
    KeysMissing,
    NoCredentialStore,
    WrongRecoveryKey,
    entry_name,
    format_recovery_key,
    open_station_keys,
    parse_recovery_key,
    restore_station_keys,
)

INIT = ["init", "--unit-code", "000.00.12.H56", "--unit-name", "UBND phường Phong Quảng",
        "--province-code", "46", "--commune-code", "19873", "--station", "2"]


def secrets_of(keys) -> list[bytes]:
    """Every form in which a key could leak into a file."""
    digits = keys.recovery_key.replace("-", "")
    return [keys.database_key, keys.audit_key, keys.database_key.hex().encode(),
            keys.audit_key.hex().encode(), digits.encode(), keys.recovery_key.encode()]


def files_holding(folder: Path, needles: list[bytes]) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file()
                  and any(needle in p.read_bytes() for needle in needles))


def test_set_up_makes_the_keys_in_the_credential_store_and_none_in_the_folder(
        data_dir, credential_store) -> None:
    with Desk(data_dir) as desk:
        keys = desk.keys
        assert not keys.made_now and keys.protection == "credential-store"
        assert len(keys.database_key) == 32 and len(keys.audit_key) == 32
        assert keys.database_key != keys.audit_key
    entry = json.loads(credential_store.passwords[(SERVICE, entry_name(keys.key_id))])
    assert entry["database_key"] == keys.database_key.hex()
    assert entry["audit_key"] == keys.audit_key.hex()
    assert files_holding(data_dir, secrets_of(keys)) == []
    sealed = json.loads((data_dir / KEYS_FILE).read_text(encoding="utf-8"))
    assert sealed["key_id"] == keys.key_id and sealed["recovery"]["kdf"] == "scrypt"
    assert stat.S_IMODE((data_dir / KEYS_FILE).stat().st_mode) == 0o600
    with Desk(data_dir) as again:  # the same keys every time the folder is opened
        assert (again.keys.database_key, again.keys.audit_key) == (keys.database_key,
                                                                   keys.audit_key)


def test_init_shows_the_recovery_key_once(tmp_path, capsys) -> None:
    folder = tmp_path / "station"
    status, output, _ = run_cli(capsys, folder, *INIT)
    assert status == 0 and output["keys_kept_in"] == "credential-store"
    with Desk(folder) as desk:
        assert output["recovery_key"] == desk.keys.recovery_key
        assert parse_recovery_key(output["recovery_key"])
    status, output, _ = run_cli(capsys, folder, *INIT)
    assert status == 0 and "recovery_key" not in output
    status, output, _ = run_cli(capsys, folder, "keys", "status")
    assert status == 0 and "recovery_key" not in output and "warning" not in output


def test_a_mistyped_folder_gets_no_keys(tmp_path, capsys, credential_store) -> None:
    status, _, err = run_cli(capsys, tmp_path / "typo", "find", "duc")
    assert status == 1 and "intake-app init" in err
    assert not (tmp_path / "typo" / KEYS_FILE).exists() and credential_store.passwords == {}


@pytest.mark.parametrize("typed", [
    "{}",  # as printed
    "{spaces}",
    "{nothing}",
    "{fullwidth}",
    "  {dots}\n",
])
def test_the_recovery_key_is_typed_back_with_forgiving_separators(typed) -> None:
    secret = bytes(range(100, 116))
    printed = format_recovery_key(secret)
    digits = printed.replace("-", "")
    forms = {"spaces": printed.replace("-", " "), "nothing": digits,
             "fullwidth": "".join(chr(ord(c) + 0xFEE0) for c in digits),
             "dots": printed.replace("-", ".")}
    assert parse_recovery_key(typed.format(printed, **forms)) == secret


def test_a_wrong_recovery_key_names_what_is_wrong() -> None:
    printed = format_recovery_key(bytes(range(16)))
    groups = printed.split("-")
    with pytest.raises(WrongRecoveryKey, match="đã nhập 42 chữ số"):
        parse_recovery_key("-".join(groups[:7]))
    wrong = groups[:]
    wrong[2] = f"{(int(wrong[2]) + 1) % 1_000_000:06d}"  # one digit mistyped: no multiple of 11
    with pytest.raises(WrongRecoveryKey, match="Nhóm thứ 3"):
        parse_recovery_key("-".join(wrong))
    with pytest.raises(WrongRecoveryKey, match="“x”"):
        parse_recovery_key(printed[:-1] + "x")


def test_on_a_new_pc_only_the_recovery_key_brings_the_keys_back(
        data_dir, credential_store, capsys, monkeypatch) -> None:
    with Desk(data_dir) as desk:
        keys = desk.keys
    credential_store.clear()  # a new PC: its credential store has never seen this station
    with pytest.raises(KeysMissing):
        Desk(data_dir)
    status, _, err = run_cli(capsys, data_dir, "find", "duc")
    assert status == 4 and "intake-app keys restore" in err
    other = format_recovery_key(bytes(16))  # well formed, but another station's
    status, _, err = run_cli(capsys, data_dir, "keys", "restore", stdin=other + "\n",
                             monkeypatch=monkeypatch, user=ADMIN)
    assert status == 2 and "không mở được khóa" in err
    typed = keys.recovery_key.replace("-", " ")
    status, output, _ = run_cli(capsys, data_dir, "keys", "restore", stdin=typed + "\n",
                                monkeypatch=monkeypatch, user=ADMIN)
    assert status == 0 and output == {"restored": True, "key_id": keys.key_id,
                                      "keys_kept_in": "credential-store",
                                      "unit_code": UNIT["unit_code"]}
    with Desk(data_dir) as desk:
        assert (desk.keys.database_key, desk.keys.audit_key, desk.keys.recovery_key) == (
            keys.database_key, keys.audit_key, keys.recovery_key)


def test_without_a_credential_store_nothing_is_written_unless_the_administrator_chooses(
        tmp_path, capsys, no_credential_store) -> None:
    folder = tmp_path / "headless"
    with pytest.raises(NoCredentialStore):
        Desk(folder)
    assert not (folder / KEYS_FILE).exists() and not (folder / UNPROTECTED_FILE).exists()
    status, output, _ = run_cli(capsys, folder, *INIT, "--unprotected-key-file")
    assert status == 0 and output["keys_kept_in"] == "key-file" and "warning" in output
    key_file = folder / UNPROTECTED_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with Desk(folder) as desk:  # later openings need no choice: the file is the store
        assert desk.keys.protection == "key-file" and desk.is_set_up()
        assert files_holding(folder, secrets_of(desk.keys)[:4]) == [UNPROTECTED_FILE]
    status, output, _ = run_cli(capsys, folder, "keys", "status")
    assert output["keys_kept_in"] == "key-file"
    assert "chỉ được bảo vệ bằng quyền" in output["warning"]


def test_two_processes_setting_up_one_folder_share_one_set_of_keys(tmp_path) -> None:
    folder = tmp_path / "station"
    made, errors = [], []
    start = threading.Barrier(4)

    def open_keys() -> None:
        try:
            start.wait()
            made.append(open_station_keys(folder))
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=open_keys) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({(k.key_id, k.database_key) for k in made}) == 1
    assert sum(k.made_now for k in made) == 1
    assert [p.name for p in folder.iterdir()] == [KEYS_FILE]  # no temporary file left


def test_restore_refuses_a_folder_without_its_keys_file(tmp_path) -> None:
    from intake_app.domain.errors import NotFound

    os.makedirs(tmp_path / "empty")
    with pytest.raises(NotFound, match=KEYS_FILE):
        restore_station_keys(tmp_path / "empty", format_recovery_key(bytes(16)))


def test_the_window_asks_for_the_recovery_key_on_a_new_pc(data_dir, credential_store,
                                                           qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from intake_app.ui.keys_dialogs import RecoveryKeyDialog, open_desk

    with Desk(data_dir) as desk:
        recovery_key = desk.keys.recovery_key
    credential_store.clear()
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryKeyDialog):
            QTimer.singleShot(20, answer)
            return
        typo = str((int(recovery_key[-1]) + 1) % 10)  # never the key's own last digit
        dialog.key.setText(recovery_key[:-1] + typo)  # a typo first: the dialog stays open
        dialog.ok_button.click()
        seen.append(dialog.error.text())
        dialog.key.setText(recovery_key.replace("-", " "))
        dialog.ok_button.click()

    QTimer.singleShot(0, answer)
    desk = open_desk(data_dir)
    assert desk is not None and desk.is_set_up()
    desk.close()
    assert seen and "Nhóm thứ 8" in seen[0]


def test_the_window_keeps_keys_in_a_file_only_when_told_to(tmp_path, qtbot,
                                                           no_credential_store) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from intake_app.ui.keys_dialogs import open_desk

    def press(label: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: press(label))
            return
        next(b for b in box.buttons() if b.text().startswith(label)).click()

    QTimer.singleShot(0, lambda: press("Thoát"))
    assert open_desk(tmp_path / "a") is None
    assert not (tmp_path / "a" / KEYS_FILE).exists()
    QTimer.singleShot(0, lambda: press("Giữ khóa trong tệp"))
    desk = open_desk(tmp_path / "b")
    assert desk is not None and desk.keys.protection == "key-file"
    desk.close()


def test_the_status_bar_warns_about_a_key_file(tmp_path, qtbot, make_session,
                                               no_credential_store) -> None:
    from intake_app.ui.status_bar import StatusBar

    desk = Desk(tmp_path / "b", allow_key_file=True)
    desk.init_station(**UNIT)
    try:
        bar = StatusBar(make_session(desk, None))
        qtbot.addWidget(bar)
        qtbot.waitUntil(lambda: not bar.keys_warning_label.isHidden())
        assert "không được bảo vệ" in bar.keys_warning_label.text()
    finally:
        desk.close()


def test_the_status_bar_says_nothing_with_a_credential_store(session, qtbot) -> None:
    from intake_app.ui.status_bar import StatusBar

    bar = StatusBar(session)
    qtbot.addWidget(bar)
    qtbot.waitUntil(lambda: session.ops.in_flight == 0)
    assert bar.keys_warning_label.isHidden()

"""Shared test set-up: no screen, no credential store, real files in temporary folders."""

from __future__ import annotations

import os

# Qt aborts the whole process without a display unless this is set before a QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Headless Linux has no credential store: keyring's null backend until `station_credentials`
# (autouse, below) gives every test its own store, as an office PC's Windows account has one.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from intake_app.desk import Desk  # noqa: E402
from intake_app.domain.clock import VN_TZ  # noqa: E402

UNIT = dict(
    unit_code="000.00.12.H56",
    unit_name="UBND phường Phong Quảng",
    province_code="46",
    commune_code="19873",
    station_no=2,
)


# ---- accounts ---------------------------------------------------------------------------------

TEST_PASSWORD = "mùa thu Hà Nội có gió"
ADMIN, CLERK, SUPERVISOR = "quantri", "hoa.lt", "nam.tv"
TEST_ACCOUNTS = {  # login: (name, role); the administrator first (the set-up's own)
    ADMIN: ("Nguyễn Quản Trị", "administrator"),
    CLERK: ("Lê Thị Hoa", "clerk"),
    SUPERVISOR: ("Trần Văn Nam", "supervisor"),
}
LOGIN_OF = {name: login for login, (name, _role) in TEST_ACCOUNTS.items()}


def login_of(who: str) -> str:
    """A test account's login from its login or its name ('Lê Thị Hoa' → 'hoa.lt')."""
    return LOGIN_OF.get(who, who)


def set_up_accounts(desk) -> None:
    """The set-up's administrator, then a clerk and a supervisor (passwords not temporary)."""
    from intake_app.domain.accounts import Role

    acting = desk.user
    if not desk.accounts.exist():
        name, _ = TEST_ACCOUNTS[ADMIN]
        desk.accounts.first_administrator(ADMIN, name, TEST_PASSWORD)
    from intake_app.domain.accounts import Role as AccountRole

    desk.act_as(next(a.login for a in desk.accounts.active()
                     if a.role == AccountRole.ADMINISTRATOR))
    known = {account.login for account in desk.accounts.all()}
    for login, (name, role) in TEST_ACCOUNTS.items():
        if login not in known:
            desk.accounts.add(login, name, Role(role), TEST_PASSWORD, temporary=False)
    desk.user = acting


def join_office(desk, address: str, code: str, **kwargs):
    """A counter joins the office hub (which sets its station up), then gets the test accounts
    and acts for the clerk (a hub does not copy accounts yet)."""
    joined = desk.office.join(address, code, **kwargs)
    set_up_accounts(desk)
    as_user(desk)
    return joined


def as_user(desk, who: str | None = CLERK):
    """The desk acts for a test account (login or name) from now on; returns the desk."""
    desk.act_as(login_of(who) if who else None)
    return desk


class acting:  # noqa: N801 - used as `with acting(desk, ADMIN):`
    """For the block, the desk acts for another test account; then for whom it did."""

    def __init__(self, desk, who: str | None):
        self.desk, self.who = desk, who

    def __enter__(self):
        self.before = self.desk.user
        return as_user(self.desk, self.who)

    def __exit__(self, *exc: object) -> None:
        self.desk.user = self.before


def window_log_in(window, who: str = CLERK) -> None:
    """The main window as after a log-in of a test account (tests not about the log-in; those
    type the password into the real log-in screen: test_ui_login.py)."""
    with Desk(window.session.data_dir) as desk:
        account = desk.accounts.get(login_of(who))
    window._logged_in(account)


def set_up_station(folder: Path, **unit) -> Path:
    """A data folder set up as `intake-app init` does it, with the test accounts."""
    with Desk(folder) as desk:
        desk.init_station(**{**UNIT, **unit})
        set_up_accounts(desk)
    return folder


def intake_request(**overrides) -> dict:
    """The issue's example intake request; keyword arguments replace top-level keys."""
    request = {
        "procedure": "2.000815",
        "applicant": {
            "name": "Nguyễn Văn Đức", "id_number": "046095001234", "birth_date": "1995-03-02",
            "gender": "nam", "phone": "0912345678", "email": None,
            "address": "Thôn Phước Yên", "province_code": "46", "commune_code": "19873",
        },
        "owner": None,
        "documents": [{"name": "Giấy khai sinh", "form": "ban_sao", "copies": 2}],
        "pages": 3, "channel": 1, "delivery": "counter", "note": "",
    }
    request.update(overrides)
    return request


class FakeClock:
    """A clock the test sets: stamping happens at `now`."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


TESTS_DIR = Path(__file__).resolve().parent


@pytest.fixture(scope="session", autouse=True)
def pc_credentials(tmp_path_factory):
    """This PC's OS credential store for the whole run (stations set up once per module)."""
    import keyring
    from keyring_double import BACKEND, BASE_ENV, FILE_ENV, SharedTestKeyring

    path = tmp_path_factory.mktemp("credentials") / "pc.json"
    saved = {name: os.environ.get(name) for name in (FILE_ENV, BASE_ENV,
                                                     "PYTHON_KEYRING_BACKEND", "PYTHONPATH",
                                                     "INTAKE_APP_PASSWORD")}
    os.environ.update({FILE_ENV: str(path), BASE_ENV: str(path),
                       "PYTHON_KEYRING_BACKEND": BACKEND,
                       "INTAKE_APP_PASSWORD": TEST_PASSWORD,  # the test accounts' (children)
                       "PYTHONPATH": os.pathsep.join(filter(None, [str(TESTS_DIR),
                                                                   saved["PYTHONPATH"]]))})
    previous = keyring.get_keyring()
    store = SharedTestKeyring(path)
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def station_credentials(pc_credentials, tmp_path_factory, monkeypatch):
    """Every test gets its own credential store on top of the PC's (it reads through to it),
    shared with the child processes it starts."""
    import keyring
    from keyring_double import FILE_ENV, SharedTestKeyring

    path = tmp_path_factory.mktemp("credentials") / "test.json"
    monkeypatch.setenv(FILE_ENV, str(path))
    store = SharedTestKeyring(path, base=pc_credentials.path)
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(pc_credentials)


@pytest.fixture
def no_credential_store(monkeypatch):
    """A PC whose OS has no credential store (headless Linux): keyring's null backend."""
    import keyring
    from keyring.backends import null

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    keyring.set_keyring(null.Keyring())


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch):
    """Cheap argon2id parameters for the tests' new passwords (the real ones take ~0.3 s each:
    bench/bench_login.py); a log-in checks each hash with the parameters stored in it."""
    from argon2 import PasswordHasher

    from intake_app.store import accounts

    monkeypatch.setattr(accounts, "HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A set-up station data folder (real SQLite file) with the starter catalogue."""
    return set_up_station(tmp_path / "station")


@pytest.fixture
def make_desk(data_dir: Path) -> Iterator[Callable[..., Desk]]:
    """Desks on the station, each acting for a test account (the clerk unless `user`)."""
    opened: list[Desk] = []

    def factory(clock: Callable[[], datetime] | None = None, user: str | None = CLERK) -> Desk:
        desk = Desk(data_dir, clock=clock) if clock else Desk(data_dir)
        opened.append(desk)
        return as_user(desk, user)

    yield factory
    for desk in opened:
        desk.close()


def gateway_time_seen(desk: Desk, when: datetime) -> None:
    """The gateway's time seen at `when` (what the morning's first sync records): a trusted
    instant, so the daily log closes the days before it (the PC clock alone never does)."""
    from intake_app.domain.clock import iso
    from intake_app.store import sync_state
    from intake_app.store.db import write_transaction

    with write_transaction(desk.db):
        sync_state.put(desk.db, sync_state.CLOCK, {"at": iso(when), "skew_seconds": 0.0})


def at(text: str) -> datetime:
    """A local (+07:00) instant from 'YYYY-MM-DD HH:MM[:SS]'."""
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


@pytest.fixture
def make_session(qtbot):
    """Window sessions on a desk's data folder and clock; their workers closed after the test."""
    from intake_app.ui.session import Session

    made: list[Session] = []

    def factory(desk: Desk, user: str | None = CLERK) -> Session:
        account = desk.accounts.get(login_of(user)) if user else None
        session = Session.for_desk(desk, account)
        made.append(session)
        return session

    yield factory
    for session in made:
        assert session.close(), "a desk operation was still running after the test"


@pytest.fixture
def desk(make_desk) -> Desk:
    """The test's own Desk on the station (what another program would see), real clock."""
    return make_desk()


@pytest.fixture
def session(desk, make_session):
    """A window session on a set-up station (a real Desk on a real SQLite file)."""
    return make_session(desk)


def type_text(qtbot, widget, text: str) -> None:
    """Type text as a keyboard does, one key event per character.

    `qtbot.keyClicks` aborts on non-ASCII characters (engineering notes); Vietnamese keyboards
    (Unikey, IBus) deliver each composed letter as text, which is what this sends.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        key = Qt.Key.Key_Space if char == " " else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     char))


def review_file(name: str) -> Path | None:
    """Where a test keeps a picture or a PDF for a person to look at (never compared): the
    folder named by INTAKE_SHOTS, made when needed; None (nothing kept) when it is not set."""
    folder = os.environ.get("INTAKE_SHOTS")
    if not folder:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder) / name


def shot(widget, name: str) -> None:
    """Keep a picture of `widget` as `name`.png for review (see review_file)."""
    path = review_file(f"{name}.png")
    if path is not None:
        widget.grab().save(str(path))


def show_on_screen(qtbot, widget) -> None:
    """Show a screen at the size of a 1366×768 office PC's maximised window, active."""
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()


# ---- reading back what the app wrote -----------------------------------------------------------

def rows(data_dir: Path, sql: str, params=()) -> list[tuple]:
    """Query the station's database file directly, as a person with a SQLite tool would."""
    import contextlib

    from station_db import open_db

    with contextlib.closing(open_db(data_dir)) as conn, conn:
        return conn.execute(sql, params).fetchall()


def pdf_text(pdf: bytes | Path) -> str:
    """The text of every page of a PDF (bytes or a file, unsealed with its station's key when
    kept sealed in a data folder), NFC, pages joined by newlines."""
    import unicodedata

    import pypdfium2 as pdfium
    from station_db import kept_pdf

    from intake_app.ui.printing import PDFIUM  # a window's workers may be drawing meanwhile

    content = kept_pdf(pdf) if isinstance(pdf, Path) else pdf  # kept ones are sealed
    with PDFIUM:
        document = pdfium.PdfDocument(content)
        try:
            text = "\n".join(page.get_textpage().get_text_range() for page in document)
        finally:
            document.close()
    return unicodedata.normalize("NFC", text)


def pdf_words(pdf: bytes | Path) -> str:
    """`pdf_text` single-spaced, so a phrase the layout wrapped over two lines is found."""
    from intake_app.domain.text import nfc

    return nfc(pdf_text(pdf))


def has_accounts(database: Path) -> bool:
    if not database.exists():
        return False
    try:
        return bool(rows(database.parent, "SELECT count(*) FROM accounts")[0][0])
    except Exception:  # noqa: BLE001 - no keys, no table: no account
        return False


def run_cli(capsys, data_dir: Path, *args: str, stdin: str | None = None, monkeypatch=None,
            user: str | None = CLERK, password: str = TEST_PASSWORD,
            ) -> tuple[int, object, str]:
    """Run `intake-app` in-process, logged in as `user` (a test account's login or name; None:
    no --user): exit status, the JSON it printed (or None), its stderr."""
    import io
    import json
    import sys

    from intake_app.cli import main
    from intake_app.cli.login import PASSWORD_ENV

    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    fresh = False
    if args and args[0] == "init" and user == CLERK:  # set-up is the administrator's
        from intake_app.store.db import DATABASE_FILE

        fresh = "--admin" not in args and not has_accounts(Path(data_dir) / DATABASE_FILE)
        if fresh:  # a new station: its first administrator, then the test's other accounts
            args = (*args, "--admin", ADMIN, "--admin-name", TEST_ACCOUNTS[ADMIN][0])
        user = None if fresh else ADMIN
    saved = {name: os.environ.get(name) for name in (PASSWORD_ENV, "INTAKE_APP_NEW_PASSWORD")}
    os.environ[PASSWORD_ENV] = password
    if fresh and saved["INTAKE_APP_NEW_PASSWORD"] is None:
        os.environ["INTAKE_APP_NEW_PASSWORD"] = TEST_PASSWORD
    try:
        status = main(["--data-dir", str(data_dir),
                       *(["--user", login_of(user)] if user else []), *args])
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    if fresh and status == 0:
        with Desk(data_dir) as desk:
            set_up_accounts(desk)
    captured = capsys.readouterr()
    output = json.loads(captured.out) if captured.out.strip() else None
    return status, output, captured.err


def cli_process(data_dir: Path, *args: str, stdin: str | None = None,
                user: str | None = CLERK, env: dict[str, str] | None = None,
                prefix: tuple[str, ...] = (), timeout: float = 120):
    """Run `intake-app` as a separate process (what a person or a script runs), logged in as
    `user` (its password in the environment): the `CompletedProcess` with text stdout and
    stderr. `prefix` runs it under another command (e.g. `unshare`)."""
    import subprocess
    import sys

    return subprocess.run(
        [*prefix, sys.executable, "-m", "intake_app", "--data-dir", str(data_dir),
         *(["--user", login_of(user)] if user else []), *args],
        input=stdin, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "INTAKE_APP_PASSWORD": TEST_PASSWORD, **(env or {})})


# ---- sync ----------------------------------------------------------------------------------------

SYNC_TOKEN = "station-token"


@pytest.fixture
def peer():
    """A real HTTP peer on loopback that speaks the sync contract (scripted faults)."""
    from sync_peer import ContractPeer

    peer = ContractPeer(token=SYNC_TOKEN)
    with peer.serve() as url:
        peer.url = url
        yield peer


@pytest.fixture
def credential_store(station_credentials):
    """The test's OS credential store (the one every test has), for tests that look inside."""
    return station_credentials


# ---- calendar notices ----------------------------------------------------------------------------

PROVINCE_NOTICE = {
    "number": "3120/TB-UBND",
    "issued_on": "2026-12-01",
    "issuer": "UBND tỉnh Quảng Trị",
    "title": "Nghỉ Tết Dương lịch 2027: hoán đổi ngày làm việc",
    "province_code": "46",
    "sources": ["https://example.invalid/3120"],
    "days": [
        {"day": "2026-12-31", "kind": "off", "reason": "Nghỉ trước Tết Dương lịch 2027"},
        {"day": "2027-01-09", "kind": "work", "reason": "Làm bù cho thứ Năm 31/12/2026"},
    ],
}


@pytest.fixture
def signing(tmp_path: Path, monkeypatch) -> dict:
    """A vendor key and a province key (46) made for the test, trusted through a copy of the
    resources folder (the private keys exist only in this test, never in the repository)."""
    import base64
    import json
    import shutil

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from intake_app.domain.calendar_notices import public_key_bytes
    from intake_app.paths import RESOURCES_ENV, resources_dir

    vendor, province = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    folder = tmp_path / "resources"
    shutil.copytree(resources_dir(), folder, ignore=shutil.ignore_patterns("fonts", "data"))
    for name in ("fonts", "data"):
        (folder / name).symlink_to(resources_dir() / name)

    def entry(key_id: str, scope: str, key: Ed25519PrivateKey) -> dict:
        return {"key_id": key_id, "owner": key_id, "scope": scope,
                "public_key": base64.b64encode(public_key_bytes(key)).decode()}

    (folder / "calendar" / "trusted-keys.json").write_text(json.dumps({
        "format": "intake-app/calendar-keys/1",
        "keys": [entry("vendor-test", "all", vendor), entry("tinh-46", "46", province)],
    }), encoding="utf-8")
    monkeypatch.setenv(RESOURCES_ENV, str(folder))
    return {"vendor": vendor, "province": province, "folder": tmp_path}


def write_signed(folder: Path, name: str, body: dict, key, key_id: str) -> Path:
    """A signed notice file, as the vendor's tool writes it."""
    import json

    from intake_app.domain.calendar_notices import sign_notice

    path = folder / name
    path.write_text(json.dumps(sign_notice(body, key, key_id), ensure_ascii=False, indent=2),
                    encoding="utf-8")
    return path


# ---- the frozen bundle (packaging/build.sh) ------------------------------------------------

PACKAGING_BUNDLE = Path(__file__).resolve().parent.parent / "packaging" / "dist" / "intake-app"
BUNDLE_SOURCES = ("main.py", "pyproject.toml", "packaging/intake-app.spec", "intake_app/**/*.py",
                  "db/*.sql", "resources/**/*", "gateway/intake_gateway/**/*.py",
                  "gateway/intake_gateway/**/*.sql")


def packaging_bundle_problem() -> str | None:
    """Why the bundle cannot be smoke-tested (missing, or older than a file frozen into it)."""
    program = PACKAGING_BUNDLE / ("intake-app.exe" if os.name == "nt" else "intake-app")
    if not program.is_file():
        return f"no frozen bundle in {PACKAGING_BUNDLE}"
    built = program.stat().st_mtime
    root = PACKAGING_BUNDLE.parent.parent.parent
    newer = next((path for pattern in BUNDLE_SOURCES for path in root.glob(pattern)
                  if path.is_file() and path.suffix != ".qm" and path.stat().st_mtime > built),
                 None)
    if newer is not None:
        return f"the frozen bundle is older than {newer.relative_to(root)}"
    return None


def pytest_collection_modifyitems(config, items):
    """`packaging` tests run when asked for (`-m packaging`) or when a current bundle exists;
    otherwise they are left out of the run (with a line in the summary saying why). Long runs
    marked `slow(only=True)` (a short version of each runs by default) run with `-m slow`."""
    markexpr = config.option.markexpr or ""
    if "slow" not in markexpr:
        long_runs = [item for item in items
                     if (marker := item.get_closest_marker("slow")) and marker.kwargs.get("only")]
        if long_runs:
            config.hook.pytest_deselected(items=long_runs)
            items[:] = [item for item in items if item not in long_runs]
    if "packaging" in markexpr:
        return
    frozen = [item for item in items if item.get_closest_marker("packaging")]
    problem = packaging_bundle_problem() if frozen else None
    if problem:
        config.hook.pytest_deselected(items=frozen)
        items[:] = [item for item in items if not item.get_closest_marker("packaging")]
        config._packaging_left_out = f"{len(frozen)} packaging smoke tests not run: {problem}"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    note = getattr(config, "_packaging_left_out", None)
    if note:
        terminalreporter.write_line(f"{note} (packaging/build.sh, then pytest -m packaging)")


# ---- checking a PDF's layout from the PDF itself ------------------------------------------------

MM = 72 / 25.4
PRINTABLE_MARGIN = 5 * MM  # what an office printer leaves white on every side of the sheet


def text_runs(pdf: bytes | Path) -> list[tuple[int, float, float, tuple[float, ...], str]]:
    """Every run of text pdfium finds: (page, page width, page height, box, text); a box is
    (left, bottom, right, top) in points. A run is a stretch of one line in one font."""
    import pypdfium2 as pdfium
    from station_db import kept_pdf

    document = pdfium.PdfDocument(kept_pdf(pdf) if isinstance(pdf, Path) else pdf)
    runs = []
    try:
        for number, page in enumerate(document):
            width, height = page.get_size()
            textpage = page.get_textpage()
            for index in range(textpage.count_rects()):
                box = textpage.get_rect(index)
                runs.append((number, width, height, box, textpage.get_text_bounded(*box)))
    finally:
        document.close()
    return runs


def layout_problems(pdf: bytes | Path, *, margin: float = PRINTABLE_MARGIN,
                    tolerance: float = 0.75, min_gap: float = 1.5) -> list[str]:
    """What a reader would see as broken, found in the PDF's text boxes:

    * a run outside the page, or closer to its edge than `margin` (cut by the printer);
    * two runs whose boxes overlap by more than `tolerance` points both ways (text on text);
    * two runs on the same line closer than `min_gap` with no space between them (a long
      name that runs into the next label: "…Thị PhươngSố định danh").
    """
    problems = []
    runs = text_runs(pdf)
    by_page: dict[int, list[tuple[tuple[float, ...], str]]] = {}
    for page, width, height, box, text in runs:
        left, bottom, right, top = box
        if left < margin or bottom < margin or right > width - margin or top > height - margin:
            problems.append(f"page {page + 1}: outside the printable area: {text[:50]!r} {box}")
        by_page.setdefault(page, []).append((box, text))
    for page, boxes in by_page.items():
        for i, (a, text_a) in enumerate(boxes):
            for b, text_b in boxes[i + 1:]:
                across = min(a[2], b[2]) - max(a[0], b[0])
                down = min(a[3], b[3]) - max(a[1], b[1])
                if across > tolerance and down > tolerance:
                    problems.append(f"page {page + 1}: {text_a[:40]!r} overlaps {text_b[:40]!r}")
                    continue
                height = min(a[3] - a[1], b[3] - b[1])
                if down > height / 2 and -min_gap < across <= tolerance:
                    left_text, right_text = (text_a, text_b) if a[0] < b[0] else (text_b, text_a)
                    # A font change inside a phrase ("<b>Nguyễn Văn Đức</b>." or "(Mã …") is
                    # no collision: one side is a space or punctuation.
                    if not (left_text[-1:].isspace() or right_text[:1].isspace()
                            or right_text[:1] in ".,;:)!?/" or left_text[-1:] in "(/"):
                        problems.append(f"page {page + 1}: {left_text[-30:]!r} runs into "
                                        f"{right_text[:30]!r}")
    return problems

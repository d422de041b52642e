"""Smoke test of the frozen bundle that `packaging/build.sh` makes (issue 13).

Runs the programs in `packaging/dist/intake-app/` as an IT person and a clerk would, from a
folder outside the checkout, with nothing of the source tree on their path: the command line
sets up a station and stamps a dossier, the receipt's Vietnamese text and barcodes read back,
and the window starts, stays up and closes. Marked `packaging`: run when a bundle newer than
the sources exists (see conftest), or asked for with `pytest -m packaging`.
"""

from __future__ import annotations

import json
import os
import shutil
import ssl
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import ADMIN, TEST_ACCOUNTS, TEST_PASSWORD, UNIT, intake_request, pdf_words, rows
from conftest import CLERK as CLERK_LOGIN
from office_testing import free_port
from station_db import kept_pdf

from intake_app.desk import Desk

pytestmark = pytest.mark.packaging

CHECKOUT = Path(__file__).resolve().parent.parent
BUNDLE = CHECKOUT / "packaging" / "dist" / "intake-app"
EXE = ".exe" if sys.platform == "win32" else ""
COMMAND_LINE = BUNDLE / f"intake-app{EXE}"
WINDOW = BUNDLE / f"intake-app-window{EXE}"
CLERK = TEST_ACCOUNTS[CLERK_LOGIN][0]  # "Lê Thị Hoa", printed on the receipt
STAY_UP_S = 6.0  # past the warm-up (1.5 s after the window shows) and the sync runner's start


@pytest.fixture(scope="module")
def bundle() -> Path:
    from conftest import packaging_bundle_problem

    problem = packaging_bundle_problem()
    if problem:
        pytest.fail(f"{problem}: build it with packaging/build.sh")
    return BUNDLE


def frozen_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh login: no variable of this test run or its venv."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "INTAKE_APP_", "QT_", "VIRTUAL_ENV", "XDG_"))}
    env.pop("DISPLAY", None)
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(home), **extra)
    return env


def frozen_cli(data_dir: Path, *args: str, stdin: str | None = None,
               user: str | None = CLERK_LOGIN, **env: str) -> tuple[int, object, str]:
    """Run the frozen command line on `data_dir`: exit status, the JSON printed, stderr.

    The one place that says how the frozen program is called: logged in as `user` (None: no
    `--user`, as `init` and `hub` run), its password in `INTAKE_APP_PASSWORD`.
    """
    login = ["--user", user] if user else []
    done = subprocess.run(
        [str(COMMAND_LINE), "--data-dir", str(data_dir), *login, *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=120,
        cwd=data_dir.parent,
        env=frozen_env(data_dir.parent / "home", **{"INTAKE_APP_PASSWORD": TEST_PASSWORD, **env}),
    )
    output = json.loads(done.stdout) if done.stdout.strip() else None
    return done.returncode, output, done.stderr


def set_up_station(data_dir: Path, *extra: str) -> dict:
    """`init` with its first administrator, then the clerk's account as IT makes it: a
    temporary password, changed by the clerk before anything else."""
    status, station, err = frozen_cli(data_dir, *init_args(), *extra, user=None,
                                      INTAKE_APP_NEW_PASSWORD=TEST_PASSWORD)
    assert status == 0, err
    status, _, err = frozen_cli(data_dir, "user", "add", CLERK_LOGIN, "--name", CLERK,
                                "--role", "clerk", user=ADMIN,
                                INTAKE_APP_NEW_PASSWORD="may-trang-ben-43")
    assert status == 0, err
    status, _, err = frozen_cli(data_dir, "user", "password", INTAKE_APP_PASSWORD=
                                "may-trang-ben-43", INTAKE_APP_NEW_PASSWORD=TEST_PASSWORD)
    assert status == 0, err
    return station


def start_window(data_dir: Path, **env: str) -> subprocess.Popen:
    """The frozen window on a set-up station (it opens at its log-in screen)."""
    return subprocess.Popen(
        [str(WINDOW), "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        cwd=data_dir.parent, env=frozen_env(data_dir.parent / "home", **env),
    )


def init_args() -> list[str]:
    """`init` as IT types it. This headless Linux has no OS credential store (the frozen
    keyring finds none, as on a PC without one), so the station's keys go to the unprotected
    key file; on Windows the Credential Manager keeps them and the option is not given."""
    return ["init", "--unit-code", UNIT["unit_code"], "--unit-name", UNIT["unit_name"],
            "--province-code", UNIT["province_code"], "--commune-code", UNIT["commune_code"],
            "--station", str(UNIT["station_no"]), "--unprotected-key-file",
            "--admin", ADMIN, "--admin-name", TEST_ACCOUNTS[ADMIN][0]]


@pytest.fixture(scope="module")
def stamped(bundle, tmp_path_factory) -> tuple[Path, dict, dict]:
    """A station set up and a dossier stamped by the frozen command line."""
    data_dir = tmp_path_factory.mktemp("frozen") / "station"
    station = set_up_station(data_dir)
    status, stamp, err = frozen_cli(data_dir, "receive", "--json", "-",
                                    stdin=json.dumps(intake_request(), ensure_ascii=False))
    assert status == 0, err
    return data_dir, station, stamp


# ---- the command line ----------------------------------------------------------------------------

def test_init_sets_up_a_station_from_the_bundled_catalogue_and_admin_units(stamped):
    data_dir, station, _ = stamped
    assert station["unit_name"] == "UBND phường Phong Quảng"
    assert station["place_name"] == "Phong Quảng"  # found in the bundled 2025 admin units
    starter = json.loads((CHECKOUT / "resources" / "catalogue" / "procedures.json")
                         .read_text(encoding="utf-8"))["procedures"]
    assert station["procedures"] == len(starter) > 0
    migrations = sorted(path.stem for path in (CHECKOUT / "db").glob("*.sql"))
    assert [name for (name,) in rows(data_dir, "SELECT name FROM _sqlite_migrations "
                                               "ORDER BY id")] == migrations


def test_receive_stamps_a_dossier_that_is_found_again(stamped):
    data_dir, _, stamp = stamped
    assert stamp["code"].startswith(f"{UNIT['unit_code']}-")
    assert stamp["due_at"] > stamp["received_at"]  # the bundled calendar and holidays
    status, found, err = frozen_cli(data_dir, "find", "nguyen van duc")
    assert status == 0, err
    assert [row["code"] for row in found] == [stamp["code"]]
    assert rows(data_dir, "SELECT json_extract(applicant, '$.name') FROM dossiers") \
        == [("Nguyễn Văn Đức",)]


def test_the_receipt_reads_back_in_vietnamese_with_its_barcodes(stamped):
    _, _, stamp = stamped
    receipt = Path(stamp["receipt"])
    words = pdf_words(receipt)
    for text in ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Nguyễn Văn Đức",
                 "Chứng thực bản sao từ bản chính", "Lê Thị Hoa", stamp["code"]):
        assert text in words
    content = kept_pdf(receipt)  # kept sealed in the data folder
    assert b"Tinos" in content and b"Tinos" not in receipt.read_bytes()  # the font, embedded
    page = pdfium.PdfDocument(content)[0]
    symbols = zxingcpp.read_barcodes(page.render(scale=200 / 72).to_pil())
    # zxing-cpp 2 names them BarcodeFormat.Code128 / QRCode, zxing-cpp 3 "Code 128" / "QR Code"
    decoded = {str(symbol.format).split(".")[-1].replace(" ", ""): symbol.text
               for symbol in symbols}
    assert decoded["Code128"] == stamp["code"]
    assert stamp["code"] in decoded["QRCode"]


def test_a_wrong_request_is_refused_with_its_field_named(stamped):
    data_dir, _, _ = stamped
    request = intake_request(applicant={**intake_request()["applicant"], "id_number": "12"})
    status, output, err = frozen_cli(data_dir, "receive", "--json", "-",
                                     stdin=json.dumps(request, ensure_ascii=False))
    assert status == 2 and output is None
    assert "id_number" in err and "Traceback" not in err


# ---- the window ----------------------------------------------------------------------------------

def test_the_window_starts_offscreen_and_stays_up(stamped):
    data_dir, _, stamp = stamped
    window = start_window(data_dir, QT_QPA_PLATFORM="offscreen")
    try:
        time.sleep(STAY_UP_S)
        assert window.poll() is None, window.communicate()[1]
    finally:
        window.terminate()  # what a logout does; the next run finds the station whole
        _, err = window.communicate(timeout=30)
    assert "Traceback" not in err, err  # the warm-up loaded the PDF fonts and the holidays
    status, shown, err = frozen_cli(data_dir, "show", stamp["code"])
    assert status == 0 and shown["code"] == stamp["code"], err


@pytest.mark.skipif(sys.platform != "linux", reason="Xvfb and openbox: a Linux display")
def test_the_window_opens_and_closes_with_alt_f4_in_both_languages(stamped, tmp_path):
    """On a real X display with a window manager: found by its title, closed as a clerk does.

    The English title proves the bundle carries the compiled translation (no lrelease in it).
    """
    data_dir, _, _ = stamped
    missing = [tool for tool in ("Xvfb", "openbox", "xdotool") if shutil.which(tool) is None]
    assert not missing, f"install {missing} (Debian: xvfb openbox xdotool)"
    with x_display(tmp_path) as display:
        title = f"Tiếp nhận hồ sơ – {UNIT['unit_name']} – Quầy {UNIT['station_no']}"
        assert open_and_close(data_dir, display, title) == 0
        with Desk(data_dir) as desk:
            desk.set_setting("language", "en")
        title = f"Intake – {UNIT['unit_name']} – Counter {UNIT['station_no']}"
        assert open_and_close(data_dir, display, title) == 0


class x_display:  # noqa: N801 (used as a context manager, like a function)
    """Xvfb on a free display number, with openbox: keyboard focus behaves as on a desktop."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self.processes: list[subprocess.Popen] = []

    def __enter__(self) -> str:
        read, write = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                                 "1366x768x24", "-nolisten", "tcp"],
                                pass_fds=(write,), stderr=subprocess.DEVNULL)
        self.processes.append(xvfb)
        os.close(write)
        with os.fdopen(read) as answer:
            display = f":{answer.readline().strip()}"
        env = {**os.environ, "DISPLAY": display}
        self.processes.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL))
        self.display = display
        return display

    def __exit__(self, *exc) -> None:
        for process in reversed(self.processes):
            process.terminate()
            process.wait(timeout=30)


def open_and_close(data_dir: Path, display: str, title: str, timeout_s: float = 60) -> int:
    """Start the window, wait for a window with `title`, press Alt+F4; its exit status."""
    xenv = {**os.environ, "DISPLAY": display}
    window = start_window(data_dir, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    try:
        deadline = time.monotonic() + timeout_s
        found = ""
        while not found and time.monotonic() < deadline and window.poll() is None:
            found = subprocess.run(["xdotool", "search", "--name", f"^{title}$"], env=xenv,
                                   capture_output=True, text=True).stdout.split()
            found = found[0] if found else ""
            time.sleep(0.3)
        assert found, f"no window titled {title!r}; {window.poll()=}"
        time.sleep(2.0)  # the screens load after the frame shows; close a window at rest
        subprocess.run(["xdotool", "windowactivate", "--sync", found, "key", "alt+F4"],
                       env=xenv, check=True, timeout=30)
        return window.wait(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
        _, err = window.communicate(timeout=30)
        assert "Traceback" not in err, err


# ---- the office hub ------------------------------------------------------------------------------

def test_the_hub_serves_and_a_counter_joins_it_with_a_pairing_code(bundle, tmp_path):
    """`hub init`, `hub serve` (the gateway's office mode on uvicorn, all frozen), `hub
    pair-code`; a second data folder set up as counter 2 joins with the code, pinning the
    hub's certificate; then the hub is stopped as a service manager stops it."""
    hub_dir, counter = tmp_path / "hub", tmp_path / "counter"
    status, made, err = frozen_cli(
        hub_dir, "hub", "init", "--unit-code", UNIT["unit_code"], "--unit-name",
        UNIT["unit_name"], "--province-code", UNIT["province_code"], "--commune-code",
        UNIT["commune_code"], "--office-name", "TT PVHCC", user=None)
    assert status == 0, err
    port = free_port()
    log = tmp_path / "serve.out"
    with open(log, "wb") as out:
        serve = subprocess.Popen(
            [str(COMMAND_LINE), "--data-dir", str(hub_dir), "hub", "serve", "--host",
             "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path,
            env=frozen_env(tmp_path / "home"))
    try:
        health = wait_for_health(serve, port, log)
        assert health["office"]["office_id"] == made["office_id"]
        status, code, err = frozen_cli(hub_dir, "hub", "pair-code", "--station",
                                       str(UNIT["station_no"]), user=None)
        assert status == 0, err
        set_up_station(counter)
        status, joined, err = frozen_cli(counter, "hub", "join", f"127.0.0.1:{port}",
                                         code["code"], user=None)
        assert status == 0, err
        assert joined["office_id"] == made["office_id"]
        assert joined["station_no"] == UNIT["station_no"]
        assert joined["fingerprint"] == made["fingerprint"]  # the certificate pinned
        status, office, err = frozen_cli(counter, "office", "status")
        assert status == 0, err
        assert office["office"]["office_id"] == made["office_id"]
        assert serve.poll() is None, log.read_text(errors="replace")
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    output = log.read_text(errors="replace")
    assert "Traceback" not in output, output
    assert "Traceback" not in (hub_dir / "logs" / "intake-app.log").read_text(errors="replace")


def wait_for_health(serve: subprocess.Popen, port: int, log: Path, timeout_s: float = 30) -> dict:
    """The hub's /v1/health once it answers (its own certificate: not checked here; `hub
    join` checks it against the pairing code)."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert serve.poll() is None, log.read_text(errors="replace")
        with suppress(OSError), urllib.request.urlopen(
                f"https://127.0.0.1:{port}/v1/health", timeout=1, context=context) as answer:
            return json.loads(answer.read())
        time.sleep(0.1)
    raise AssertionError(f"the frozen hub did not answer: {log.read_text(errors='replace')}")


# ---- what only a run on Windows would load -------------------------------------------------------

def test_the_bundle_holds_what_is_loaded_by_name_at_run_time(bundle):
    """Modules and data found only at run time, which PyInstaller misses unless declared."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(COMMAND_LINE))
    modules = set(archive.open_embedded_archive("PYZ.pyz").toc)
    wanted = ["keyring.backends.Windows", "keyring.backends.chainer",
              "holidays.countries.vietnam", "reportlab.graphics.barcode.code128",
              "reportlab.graphics.barcode.qr", "intake_app.ui.app",
              # the office hub: the gateway's office mode, and what uvicorn imports by name
              "intake_gateway.office.app", "uvicorn.loops.auto", "uvicorn.loops.asyncio",
              "uvicorn.protocols.http.auto", "uvicorn.protocols.http.h11_impl",
              "uvicorn.protocols.websockets.auto", "uvicorn.lifespan.on"]
    if sys.platform == "win32":  # keyring.backends.Windows speaks to the Credential Manager
        wanted.append("win32ctypes.pywin32.win32cred")
    for module in wanted:
        assert module in modules, module
    internal = bundle / "_internal"
    assert list(internal.glob("_rl_accel*")), "reportlab's C speed-ups"
    points = (next(internal.glob("keyring-*.dist-info")) / "entry_points.txt").read_text()
    assert "Windows = keyring.backends.Windows" in points
    assert (internal / "holidays" / "locale" / "vi" / "LC_MESSAGES" / "VN.mo").is_file()
    assert (internal / "resources" / "translations" / "intake_en.qm").is_file()
    assert not list((internal / "resources" / "translations").glob("*.ts"))
    shipped = [path.relative_to(CHECKOUT) for path in (CHECKOUT / "resources").rglob("*")
               if path.is_file() and path.parent.name != "translations"]
    assert shipped and all((internal / path).is_file() for path in shipped)
    qt = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms", "printsupport", "imageformats"):
        assert any((qt / plugin).iterdir()), plugin
    assert list((internal / "pypdfium2_raw").glob("*pdfium*")), "pypdfium2's native library"
    for schema in ("intake_gateway/schema.sql", "intake_gateway/office/schema.sql"):
        assert (internal / schema).read_bytes() == (CHECKOUT / "gateway" / schema).read_bytes()

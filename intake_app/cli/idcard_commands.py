"""`intake-app idcard parse TEXT`: what a chip ID card's QR code holds, for IT staff setting up
a 2D scanner (is it typing the Vietnamese letters, every field, the ID number right?).

    intake-app idcard parse '046095001234|197412345|Nguyễn Văn Đức|02031995|Nam|…|10042021'
    intake-app idcard parse -            read one line from standard input: scan the card into
                                         the terminal, then Enter

Needs no data folder: it reads the text and prints JSON; a text that is not a card's QR code,
or whose ID number is wrong, exits 2 with the reason in Vietnamese.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.clock import now_vn
from ..domain.idcard import parse_idcard_qr
from .commands import OK, emit


def add_parsers(sub: argparse._SubParsersAction) -> None:
    idcard = sub.add_parser("idcard", help="the chip ID card's QR code (CCCD / căn cước)")
    idcard_sub = idcard.add_subparsers(dest="idcard_command", required=True)
    parse = idcard_sub.add_parser(
        "parse", help="print what a card's QR text holds, as JSON (quote the text: it has |; "
        "- reads one scanned line from standard input)")
    parse.add_argument("text")
    parse.set_defaults(before_opening=cmd_parse)


def cmd_parse(args: argparse.Namespace, data_dir: Path) -> int:
    text = args.text
    if text == "-":
        text = sys.stdin.readline()
    emit(parse_idcard_qr(text, today=now_vn().date()).as_dict())
    return OK

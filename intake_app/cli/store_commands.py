"""`intake-app check`: SQLite's quick check of the station database, on demand (for IT).

Every command already checks the database when it opens it; this one says what it found:
exit 0 when sound (the search index rebuilt if only it was damaged), 4 when damaged.
"""

from __future__ import annotations

import argparse

from ..desk import Desk
from .commands import OK, emit


def cmd_check(args: argparse.Namespace, desk: Desk) -> int:
    result = desk.check_store()
    emit({"database": str(desk.db.path), "ok": result.ok,
          "index_rebuilt": result.index_rebuilt, "problems": list(result.problems)[:50],
          "seconds": round(result.seconds, 3)})
    if not result.ok and desk.store_problem is not None:
        raise desk.store_problem
    return OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser(
        "check", help="check the database (SQLite quick check, search index); exit 4 if damaged")
    check.set_defaults(action=cmd_check)

"""`intake-app clock …`: what the station thinks of the PC clock, and a supervisor's word.

    intake-app clock status                        the PC clock, the trusted instant, verdict
    intake-app clock confirm --reason "…"          the PC clock is right: stamping resumes

The person confirming is the one named by `--clerk` (accounts and roles come with issue 12).
"""

from __future__ import annotations

import argparse

from ..desk import Desk
from .commands import OK, emit


def cmd_clock_status(args: argparse.Namespace, desk: Desk) -> int:
    emit(desk.station_clock.status())
    return OK


def cmd_clock_confirm(args: argparse.Namespace, desk: Desk) -> int:
    emit(desk.station_clock.confirm(reason=args.reason))
    return OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    clock = sub.add_parser(
        "clock", help="the PC clock as the station trusts it; a supervisor's confirmation",
        description="Stamping stops when the PC clock reads more than 5 minutes before the "
        "last instant the station recorded (or the gateway's last time), or when the gateway "
        "measured it more than 15 minutes fast. Fix the clock, or confirm it.")
    commands = clock.add_subparsers(dest="clock_command", metavar="SUBCOMMAND", required=True)
    status = commands.add_parser("status", help="the clock, the trusted instant, the verdict")
    status.set_defaults(action=cmd_clock_status)
    confirm = commands.add_parser(
        "confirm", help="a supervisor confirms the PC clock as it reads now (recorded with "
        "--clerk and the reason)")
    confirm.add_argument("--reason", required=True, help="why the clock is right (recorded)")
    confirm.set_defaults(action=cmd_clock_confirm)

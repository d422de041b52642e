"""`intake-app hub …` and `intake-app office …`: the office hub (docs/office-hub.md).

On the hub PC (`--data-dir` is the hub's folder):

    intake-app hub init --unit-code … --unit-name … --province-code … --commune-code …
    intake-app hub serve [--host 0.0.0.0] [--port 47470]      the hub, in the foreground
    intake-app hub pair-code --station N [--replace]          a pairing code for counter N
    intake-app hub province --gateway URL [--ca-file FILE]    where the province is
    intake-app hub province-token --station N                 counter N's province token (stdin)
    intake-app hub revoke --station N                         counter N's access, revoked
    intake-app hub status                                     counters, forwarding

On a counter (`--data-dir` is the counter's folder):

    intake-app hub join ADDRESS CODE     pair with the hub (pins its certificate)
    intake-app office status             the office this counter joined, how far behind
    intake-app office run                sync with the hub and read its feed until stopped
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..desk import Desk
from .commands import OK, emit


def add_parsers(sub: argparse._SubParsersAction) -> None:
    hub = sub.add_parser("hub", help="the office hub: set up, serve, pair counters, join")
    hub_sub = hub.add_subparsers(dest="hub_command", required=True)

    init = hub_sub.add_parser("init", help="make this folder the office's hub")
    init.add_argument("--unit-code", required=True)
    init.add_argument("--unit-name", required=True)
    init.add_argument("--province-code", required=True)
    init.add_argument("--commune-code", required=True)
    init.add_argument("--office-name", default="Bộ phận Một cửa")
    init.set_defaults(before_opening=cmd_init, needs_station=False)

    serve = hub_sub.add_parser("serve", help="run the hub (HTTPS, forwarder) until stopped")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, default=47470)
    serve.add_argument("--retry-base", type=float, default=None,
                       help="seconds of the province back-off's first wait (default 5)")
    serve.add_argument("--retry-cap", type=float, default=None,
                       help="longest province back-off in seconds (default 900)")
    serve.add_argument("--connected-seconds", type=float, default=None,
                       help=argparse.SUPPRESS)  # tests: a counter silent longer is off
    serve.add_argument("--updates-every", type=float, default=None,
                       help="seconds between asking the province for its updates (default 30)")
    serve.add_argument("--batch-events", type=int, default=None,
                       help="events per batch to the province (default 500)")
    serve.set_defaults(before_opening=cmd_serve, needs_station=False)

    code = hub_sub.add_parser("pair-code", help="a pairing code for a counter (10 minutes)")
    code.add_argument("--station", type=int, required=True)
    code.add_argument("--replace", action="store_true",
                      help="the counter is paired already: pair a new PC in its place")
    code.set_defaults(before_opening=cmd_pair_code, needs_station=False)

    province = hub_sub.add_parser("province", help="the provincial gateway the hub forwards to")
    province.add_argument("--gateway", required=True)
    province.add_argument("--ca-file", default=None)
    province.set_defaults(before_opening=cmd_province, needs_station=False)

    token = hub_sub.add_parser("province-token",
                               help="a counter station's province token, read from stdin")
    token.add_argument("--station", type=int, required=True)
    token.set_defaults(before_opening=cmd_province_token, needs_station=False)

    revoke = hub_sub.add_parser("revoke", help="revoke a counter's access (Thu hồi quầy)")
    revoke.add_argument("--station", type=int, required=True)
    revoke.set_defaults(before_opening=cmd_revoke, needs_station=False)

    status = hub_sub.add_parser("status", help="the hub's counters and forwarding, as JSON")
    status.set_defaults(before_opening=cmd_hub_status, needs_station=False)

    join = hub_sub.add_parser("join", help="on a counter: join the office hub at ADDRESS")
    join.add_argument("address", help="the hub's address, e.g. 192.168.1.10 or host:port")
    join.add_argument("code", help="the pairing code the hub showed, e.g. K7QM-2XHD-9F")
    join.set_defaults(before_opening=cmd_join, needs_station=False)

    office = sub.add_parser("office", help="this counter in its office (status, run)")
    office_sub = office.add_subparsers(dest="office_command", required=True)
    office_status = office_sub.add_parser("status", help="the office joined, the feed, unsent")
    office_status.set_defaults(action=cmd_office_status)
    run = office_sub.add_parser("run", help="sync with the hub and read its feed until stopped "
                                "(a counter without its window)")
    run.set_defaults(action=cmd_office_run, app_process=True)  # the app's own: nobody logs in
    claim = office_sub.add_parser("claim", help="ask the hub to move another counter's "
                                  "dossier to this counter (its writer hands it over)")
    claim.add_argument("code")
    claim.set_defaults(action=cmd_office_claim)
    take = office_sub.add_parser("take-over", help="supervisor: take a dossier whose counter "
                                 "is off, with a reason")
    take.add_argument("code")
    take.add_argument("--reason", required=True)
    take.set_defaults(action=cmd_office_take_over)
    conflicts = office_sub.add_parser("conflicts", help="steps the hub refused (not the "
                                      "writer, version taken), kept for the supervisor")
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    conflicts.set_defaults(action=cmd_office_conflicts)
    resolve = office_sub.add_parser("resolve", help="supervisor: close a conflict (the step "
                                    "was recorded again, or is dropped with a reason)")
    resolve.add_argument("event_id")
    way = resolve.add_mutually_exclusive_group(required=True)
    way.add_argument("--redone", action="store_true",
                     help="the step was recorded again by the dossier's writer")
    way.add_argument("--dropped", action="store_true", help="the step is not recorded")
    resolve.add_argument("--reason", default="")
    resolve.set_defaults(action=cmd_office_resolve)


def cmd_init(args: argparse.Namespace, data_dir: Path) -> int:
    from ..hub.server import init_hub, lan_address

    made = init_hub(data_dir, unit_code=args.unit_code, unit_name=args.unit_name,
                    province_code=args.province_code, commune_code=args.commune_code,
                    office_name=args.office_name)
    emit({"office_id": made["office_id"], "unit_code": made["unit_code"],
          "fingerprint": made["fingerprint"], "address": lan_address(), "port": 47470})
    return OK


def cmd_serve(args: argparse.Namespace, data_dir: Path) -> int:
    from ..hub.server import serve

    return serve(data_dir, host=args.host, port=args.port, backoff_base=args.retry_base,
                 backoff_cap=args.retry_cap, batch_events=args.batch_events,
                 connected_s=args.connected_seconds, updates_every=args.updates_every)


def cmd_pair_code(args: argparse.Namespace, data_dir: Path) -> int:
    from ..hub.server import make_pairing_code

    emit(make_pairing_code(data_dir, args.station, replace=args.replace))
    return OK


def cmd_revoke(args: argparse.Namespace, data_dir: Path) -> int:
    from ..hub.server import revoke_counter

    emit(revoke_counter(data_dir, args.station))
    return OK


def cmd_province(args: argparse.Namespace, data_dir: Path) -> int:
    from ..hub.server import set_province

    emit(set_province(data_dir, args.gateway, args.ca_file))
    return OK


def cmd_province_token(args: argparse.Namespace, data_dir: Path) -> int:
    from ..hub.server import set_province_token

    if sys.stdin is not None and sys.stdin.isatty():
        token = getpass.getpass("Province token (not shown): ")
    else:
        token = sys.stdin.readline() if sys.stdin is not None else ""
    set_province_token(data_dir, args.station, token)
    emit({"stored": True, "station_no": args.station})
    return OK


def cmd_hub_status(args: argparse.Namespace, data_dir: Path) -> int:
    from ..hub.server import HubFolder

    store = HubFolder(data_dir).open_store()
    try:
        meta = store.meta()
        emit({"office_id": meta.get("office_id"), "unit_code": meta.get("unit_code"),
              "head": store.head(), "counters": store.counters(),
              "forward": {str(k): v for k, v in store.forward_counts().items()},
              "province_url": meta.get("province_url")})
    finally:
        store.close()
    return OK


def cmd_join(args: argparse.Namespace, data_dir: Path) -> int:
    with Desk(data_dir, check_store="now") as desk:
        emit(desk.office.join(args.address, args.code, actor=args.clerk))
    return OK


def cmd_office_status(args: argparse.Namespace, desk: Desk) -> int:
    emit({"office": desk.office.info(), "outbox": desk.outbox_counts()})
    return OK


def cmd_office_run(args: argparse.Namespace, desk: Desk) -> int:
    from ..sync.office_feed import run_counter

    return run_counter(desk.data_dir)


def cmd_office_claim(args: argparse.Namespace, desk: Desk) -> int:
    grant = desk.office.handover.claim(args.code, clerk=args.clerk)
    emit({"code": args.code, "grant": grant})
    return OK


def cmd_office_take_over(args: argparse.Namespace, desk: Desk) -> int:
    grant = desk.office.handover.take_over(args.code, reason=args.reason, actor=args.clerk)
    emit({"code": args.code, "grant": grant})
    return OK


def cmd_office_conflicts(args: argparse.Namespace, desk: Desk) -> int:
    emit({"conflicts": desk.office.handover.conflicts(resolved_too=args.all)})
    return OK


def cmd_office_resolve(args: argparse.Namespace, desk: Desk) -> int:
    emit(desk.office.handover.resolve(args.event_id, redone=args.redone, reason=args.reason,
                                      actor=args.clerk))
    return OK

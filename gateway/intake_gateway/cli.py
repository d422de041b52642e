"""The `intake-gateway` command: serve, tokens, batch-file import, updates, procedures.

The database comes from --database or INTAKE_GATEWAY_DATABASE_URL (default: an SQLite file in
./gateway-data/); the admin token of POST /v1/admin/updates from INTAKE_GATEWAY_ADMIN_TOKEN.
Exit status: 0 done, 1 refused or failed, 2 invalid input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .db import DEFAULT_DATABASE_URL, Unavailable

if TYPE_CHECKING:
    from .store import Store

DATABASE_ENV = "INTAKE_GATEWAY_DATABASE_URL"
ADMIN_TOKEN_ENV = "INTAKE_GATEWAY_ADMIN_TOKEN"


def database_url(given: str | None = None) -> str:
    return given or os.environ.get(DATABASE_ENV) or DEFAULT_DATABASE_URL


def app_from_environment() -> Any:
    """The app factory uvicorn's workers call (`serve --workers N`)."""
    from .app import create_app

    return create_app(database_url(), admin_token=os.environ.get(ADMIN_TOKEN_ENV) or None)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", default=argparse.SUPPRESS, metavar="URL",
                        help=f"sqlite:///path/gateway.sqlite3 or postgresql://user:pass@host/db "
                             f"(default: ${DATABASE_ENV} or {DEFAULT_DATABASE_URL})")
    parser = argparse.ArgumentParser(prog="intake-gateway", parents=[common],
                                     description="Provincial gateway for intake stations.")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", parents=[common], help="run the HTTP gateway")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    serve.add_argument("--ssl-certfile", help="serve HTTPS directly with this certificate")
    serve.add_argument("--ssl-keyfile", help="the certificate's private key")
    serve.add_argument("--proxy-headers", action="store_true",
                       help="trust X-Forwarded-* from --forwarded-allow-ips (behind a proxy)")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1")
    serve.add_argument("--log-level", default="info")

    token = commands.add_parser("token", parents=[common], help="station tokens")
    token_commands = token.add_subparsers(dest="token_command", required=True)
    for name, text in (("issue", "issue a new token (replaces the station's old one)"),
                       ("revoke", "revoke the station's token")):
        sub = token_commands.add_parser(name, parents=[common], help=text)
        sub.add_argument("--unit", required=True, help="unit code, e.g. 000.00.12.H56")
        sub.add_argument("--station", required=True, type=int, help="station number 1-9")
    token_commands.add_parser("list", parents=[common], help="stations and their token state")

    imp = commands.add_parser("import", parents=[common], help="import a station's batch file")
    imp.add_argument("file", type=Path)
    imp.add_argument("--out", type=Path, help="result file (default: FILE's name + .result.gz)")

    update = commands.add_parser("update", parents=[common], help="updates for stations")
    update_commands = update.add_subparsers(dest="update_command", required=True)
    post = update_commands.add_parser("post", parents=[common], help="post an update")
    post.add_argument("--code", required=True, help="the dossier's MaHoSo")
    post.add_argument("--status", required=True, type=int, help="TrangThaiHoSo 1-10")
    post.add_argument("--note", default="", help="the remark shown at the station")
    post.add_argument("--by", default="province", help="who posts it")

    audit = commands.add_parser("audit", parents=[common],
                                help="the stations' audit chains (flags and heads)")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    flags = audit_commands.add_parser("flags", parents=[common],
                                      help="chains rewritten or shortened after a sync (exit 1 "
                                           "if any)")
    flags.add_argument("--unit", help="only this unit code")
    flags.add_argument("--station", type=int, help="only this station number")
    audit_commands.add_parser("heads", parents=[common],
                              help="the latest audit chain head of each station")

    procedures = commands.add_parser("procedures", parents=[common], help="procedure catalogue")
    proc_commands = procedures.add_subparsers(dest="procedures_command", required=True)
    load = proc_commands.add_parser("import", parents=[common],
                                    help="load the catalogue (station catalogue JSON format)")
    load.add_argument("file", type=Path)
    load.add_argument("--replace", action="store_true",
                      help="also remove the procedures that are not in the file")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = database_url(getattr(args, "database", None))
    try:
        if args.command == "serve":
            return _serve(args, url)
        from .store import open_store

        with open_store(url) as store:
            handler = {"token": _token, "import": _import, "update": _update,
                       "procedures": _procedures, "audit": _audit}[args.command]
            return handler(args, store)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Unavailable as exc:
        print(f"error: the database is unavailable: {exc}", file=sys.stderr)
        return 1


def _serve(args: argparse.Namespace, url: str) -> int:
    import uvicorn

    from .db import parse_database_url

    parse_database_url(url)  # a wrong URL fails here, not in each worker
    os.environ[DATABASE_ENV] = url
    options: dict[str, Any] = {
        "host": args.host, "port": args.port, "workers": args.workers,
        "log_level": args.log_level, "factory": True,
        "proxy_headers": args.proxy_headers, "forwarded_allow_ips": args.forwarded_allow_ips,
    }
    if args.ssl_certfile:
        options.update(ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile)
    uvicorn.run("intake_gateway.cli:app_from_environment", **options)
    return 0


def _token(args: argparse.Namespace, store: Store) -> int:
    if args.token_command == "issue":
        token = store.issue_token(args.unit, args.station)
        print(token)
        print(f"Token for station {args.station} of unit {args.unit}: it is shown only this "
              "once; enter it at the station (it replaces any earlier token).", file=sys.stderr)
        return 0
    if args.token_command == "revoke":
        if store.revoke_token(args.unit, args.station):
            print(f"revoked the token of station {args.station} of unit {args.unit}")
            return 0
        print(f"station {args.station} of unit {args.unit} has no live token", file=sys.stderr)
        return 1
    for row in store.stations():
        state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "live"
        print(f"{row['unit_code']}\t{row['station_no']}\tissued {row['issued_at']}\t{state}")
    return 0


def _import(args: argparse.Namespace, store: Store) -> int:
    from .batchfile import write_json_gz
    from .errors import GatewayError
    from .ingest import ImportRefused, import_batch_file

    try:
        answer = import_batch_file(store, args.file)
    except ImportRefused as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    except GatewayError as exc:
        print(f"refused ({exc.status} {exc.code}): {exc.message}", file=sys.stderr)
        return 1
    out = args.out or args.file.with_name(args.file.name + ".result.gz")
    write_json_gz(out, answer)  # signed with the station's result key
    counts: dict[str, int] = {}
    for result in answer["results"]:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    print(json.dumps({"batch_id": answer["batch_id"], "result_file": str(out), **counts}))
    return 0


def _update(args: argparse.Namespace, store: Store) -> int:
    from .errors import NotFound

    try:
        update_id = store.post_update(args.code, args.status, args.note, args.by)
    except NotFound as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    print(update_id)
    return 0


def _procedures(args: argparse.Namespace, store: Store) -> int:
    from .procedures import read_catalogue_file

    procedures = read_catalogue_file(args.file)  # CatalogueError is a ValueError: exit 2
    added, replaced, removed = store.import_procedures(procedures, replace=args.replace)
    print(f"{added} added, {replaced} replaced, {removed} removed; "
          f"{store.procedure_count()} procedures in the catalogue")
    return 0


def _audit(args: argparse.Namespace, store: Store) -> int:
    if args.audit_command == "heads":
        for head in store.audit_heads():
            print(json.dumps(head, ensure_ascii=False))
        return 0
    flags = store.audit_flags(args.unit, args.station)
    for flag in flags:
        print(json.dumps(flag, ensure_ascii=False))
    if flags:
        print(f"{len(flags)} audit flag(s): a station's audit chain changed after a sync",
              file=sys.stderr)
        return 1
    return 0

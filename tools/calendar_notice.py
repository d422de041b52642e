"""The vendor's (or a province's) tool for signed calendar notices (docs/calendar-notices.md).

    .venv/bin/python tools/calendar_notice.py keygen --key-id vendor-2027 --owner "…" \
        --scope all --private-key /offline/vendor-2027.pem
    .venv/bin/python tools/calendar_notice.py sign notice.json --key-id vendor-2027 \
        --private-key /offline/vendor-2027.pem --out notice.signed.json
    .venv/bin/python tools/calendar_notice.py verify notice.signed.json

`keygen` writes a new Ed25519 private key (PEM, readable by its owner only) and prints the
entry to add to `resources/calendar/trusted-keys.json`; the private key never goes into the
repository. `sign` checks the notice (the same checks the app makes) and writes the signed
file a commune imports with `intake-app calendar import FILE`. `verify` opens a signed file
with the keys the app ships, as the app will.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from intake_app.domain.calendar_notices import (  # noqa: E402
    ALL_PROVINCES,
    open_signed_notice,
    parse_trusted_keys,
    public_key_bytes,
    sign_notice,
)
from intake_app.domain.errors import DeskError  # noqa: E402

KEYS_FILE = ROOT / "resources" / "calendar" / "trusted-keys.json"


def keygen(args: argparse.Namespace) -> int:
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    path = Path(args.private_key)
    if path.exists():
        print(f"{path} exists: refusing to overwrite a private key", file=sys.stderr)
        return 1
    if args.scope != ALL_PROVINCES and not (args.scope.isdigit() and len(args.scope) == 2):
        print("--scope is 'all' or a 2-digit province code", file=sys.stderr)
        return 2
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    entry = {"key_id": args.key_id, "owner": args.owner, "scope": args.scope,
             "public_key": base64.b64encode(public_key_bytes(private)).decode("ascii")}
    print(json.dumps(entry, ensure_ascii=False))
    return 0


def _private_key(path: Path):  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit(f"{path} is not an Ed25519 private key")
    return key


def sign(args: argparse.Namespace) -> int:
    notice = json.loads(Path(args.notice).read_text(encoding="utf-8"))
    signed = sign_notice(notice, _private_key(Path(args.private_key)), args.key_id)
    Path(args.out).write_text(json.dumps(signed, ensure_ascii=False, indent=2) + "\n",
                              encoding="utf-8")
    print(f"signed {signed['notice']['number']} with {args.key_id}: {args.out}")
    return 0


def verify(args: argparse.Namespace) -> int:
    keys = parse_trusted_keys(json.loads(KEYS_FILE.read_text(encoding="utf-8")))
    raw = json.loads(Path(args.file).read_text(encoding="utf-8"))
    opened = open_signed_notice(raw, keys)
    notice = opened.notice
    print(f"OK: {notice.reference}, signed by {opened.key.key_id} ({opened.key.owner})")
    for day in notice.days:
        print(f"  {day.day:%d/%m/%Y} {day.kind.value:4} {day.reason}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("keygen", help="make a new signing key pair")
    gen.add_argument("--key-id", required=True)
    gen.add_argument("--owner", required=True, help='who holds the key, e.g. "UBND tỉnh …"')
    gen.add_argument("--scope", default=ALL_PROVINCES, help="'all' or a 2-digit province code")
    gen.add_argument("--private-key", required=True, help="where to write the private key")
    gen.set_defaults(action=keygen)
    sig = sub.add_parser("sign", help="sign a notice (JSON) into a file communes import")
    sig.add_argument("notice")
    sig.add_argument("--key-id", required=True)
    sig.add_argument("--private-key", required=True)
    sig.add_argument("--out", required=True)
    sig.set_defaults(action=sign)
    ver = sub.add_parser("verify", help="open a signed notice with the keys the app ships")
    ver.add_argument("file")
    ver.set_defaults(action=verify)
    args = parser.parse_args(argv)
    try:
        return int(args.action(args))
    except DeskError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())

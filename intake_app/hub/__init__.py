"""The office hub (docs/office-hub.md): `intake-app hub …` composes the gateway in office mode
(`gateway/intake_gateway/office/`), TLS with the hub's own certificate, and the forwarder to
the province. The app may import the gateway; the gateway never imports the app.
"""

from __future__ import annotations

import sys
from pathlib import Path


def ensure_gateway_importable() -> None:
    """`intake_gateway` from the installed package, else from the source tree's `gateway/`
    (development and tests; the Windows bundle carries the package)."""
    try:
        import intake_gateway  # noqa: F401
    except ImportError:
        source = Path(__file__).resolve().parents[2] / "gateway"
        if (source / "intake_gateway").is_dir():
            sys.path.insert(0, str(source))

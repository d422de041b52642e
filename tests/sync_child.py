"""Child process of tests/test_sync_lease.py: one full sync of a data folder, to be killed.

    INTAKE_TEST_TOKEN=… python tests/sync_child.py DATA_DIR

Runs `Syncer.run` with the station token from the environment (the tests have no credential
store) against the gateway configured in the data folder, and prints how it stopped.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from intake_app.desk import Desk
from intake_app.sync.engine import Syncer


def main() -> int:
    token = os.environ["INTAKE_TEST_TOKEN"]
    with Desk(Path(sys.argv[1])) as desk:
        result = Syncer(desk, token_provider=lambda: token).run(forced=True)
    print(result.stopped or "ok", flush=True)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())

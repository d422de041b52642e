"""Start the intake desk: `python main.py` opens the window; arguments go to the command line."""

import sys

from intake_app.cli import main

if __name__ == "__main__":
    sys.exit(main())

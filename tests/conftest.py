"""Shared test set-up: no screen, no credential store, real files in temporary folders."""

from __future__ import annotations

import os

# Qt aborts the whole process without a display unless this is set before a QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Headless Linux has no credential store; tests that need one install an in-memory backend.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

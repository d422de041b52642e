"""The app's own modules skip PySide's look at their source when they are imported.

Once PySide is loaded, it reads the whole source file of every module imported after it
(`shibokensupport.feature`: does the text name PySide6, for its `from __feature__ import …`
switches): ~10 ms of the window's start for the ~75 modules the first form needs. This app
uses no `__feature__` switch, so its modules are answered at once, as if they named PySide6
(the default selection, which they get anyway); every other module is looked at as before.
A PySide without this internal hook is left alone: only the start is a little slower.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import shiboken6  # noqa: F401 - loads PySide's support modules, the hook among them

PACKAGE = __name__.partition(".")[0]  # intake_app


def skip_source_reads() -> bool:
    """Answer PySide's feature check for this app's modules without reading them; True if
    installed (now or before)."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return False
    check: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if check is None or not callable(check):
        return False
    if getattr(check, "skips_app_modules", False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if name == PACKAGE or name.startswith(PACKAGE + "."):
            return True
        return check(module)

    uses_pyside.skips_app_modules = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
    return True

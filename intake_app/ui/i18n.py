"""The window's language: Vietnamese source strings, English from `resources/translations`.

Every visible string is written in Vietnamese in the code (`self.tr("Tra cứu (F3)")`), so
Vietnamese works with no translation file at all. English comes from `intake_en.ts`, compiled
to `.qm` at start when the compiled file is missing or older than the source; a failure to
compile is logged and the window stays in Vietnamese: the language never stops the app.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..data_folder import make_private_folder
from ..paths import resources_dir

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

LANGUAGE_KEY = "language"
DEFAULT_LANGUAGE = "vi"
# Each language named in itself: the list must be readable whatever language is on screen.
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
TRANSLATION_PREFIX = "intake_"
CACHE_FOLDER = Path("cache") / "translations"
LRELEASE_TIMEOUT_S = 60

_installed: list[QTranslator] = []  # Qt keeps only a pointer: they must stay alive here


def get_language(desk: Desk) -> str:
    """The language chosen on this PC (`vi` unless English was picked in the settings)."""
    return language_from(desk.setting(LANGUAGE_KEY, DEFAULT_LANGUAGE))


def language_from(value: object) -> str:
    """The language a stored setting names (`vi` for anything else)."""
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(desk: Desk, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {sorted(LANGUAGES)}")
    desk.set_setting(LANGUAGE_KEY, language)


def translations_dir() -> Path:
    return resources_dir() / "translations"


def source_file(language: str) -> Path:
    return translations_dir() / f"{TRANSLATION_PREFIX}{language}.ts"


def find_lrelease() -> Path | None:
    """Qt's `lrelease`, from the PySide6 wheel, beside the interpreter, or on the PATH."""
    import shutil

    import PySide6

    exe = ".exe" if sys.platform == "win32" else ""
    candidates = [
        Path(PySide6.__file__).resolve().parent / f"lrelease{exe}",
        Path(sys.executable).parent / f"pyside6-lrelease{exe}",
    ]
    candidates += [Path(found) for name in ("pyside6-lrelease", "lrelease")
                   if (found := shutil.which(name))]
    return next((path for path in candidates if path.is_file()), None)


def _up_to_date(compiled: Path, source: Path) -> bool:
    return compiled.is_file() and (
        not source.is_file() or compiled.stat().st_mtime >= source.stat().st_mtime
    )


def compile_translation(source: Path, target: Path) -> bool:
    """Run lrelease on `source` into `target` (written beside, then renamed). True if done."""
    import subprocess  # only when a translation is compiled: not at every start

    lrelease = find_lrelease()
    if lrelease is None:
        log.warning("lrelease not found: cannot compile %s; the window stays in Vietnamese",
                    source)
        return False
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        make_private_folder(target.parent)  # the data folder's cache: private like the rest
        done = subprocess.run(
            [str(lrelease), "-silent", str(source), "-qm", str(partial)],
            capture_output=True, text=True, timeout=LRELEASE_TIMEOUT_S,
        )
        if done.returncode != 0 or not partial.is_file():
            log.warning("lrelease failed on %s (exit %s): %s", source, done.returncode,
                        (done.stderr or done.stdout).strip())
            return False
        if os.name == "posix":
            os.chmod(partial, 0o600)
        os.replace(partial, target)
        return True
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", source, exc)
        return False
    finally:
        partial.unlink(missing_ok=True)


def compiled_translation(language: str, cache_dir: Path | None = None) -> Path | None:
    """The `.qm` of a language, compiling it first if it is missing or older than its `.ts`.

    A `.qm` beside the `.ts` is used when current (the packaged app ships it compiled);
    otherwise it is compiled into `cache_dir` (a folder of the data folder), or beside the
    `.ts` when no cache folder is given and that folder is writable.
    """
    source = source_file(language)
    beside = source.with_suffix(".qm")
    if _up_to_date(beside, source):
        return beside
    if not source.is_file():
        log.warning("no translation source %s; the window stays in Vietnamese", source)
        return None
    if cache_dir is not None:
        target = cache_dir / beside.name
    elif os.access(source.parent, os.W_OK):
        target = beside
    else:
        target = None
        log.warning("no writable folder to compile %s into", source)
    if target is not None and (_up_to_date(target, source)
                               or compile_translation(source, target)):
        return target
    if beside.is_file():  # older than its source (or copied after it): better than none
        log.warning("using %s, which may miss the newest strings", beside)
        return beside
    return None


def _load(translator: QTranslator, path: Path) -> bool:
    return path.is_file() and translator.load(str(path))


def install_language(app: QCoreApplication, language: str,
                     cache_dir: Path | None = None) -> str:
    """Install the translators of `language` (replacing earlier ones); returns the language
    actually in force: `vi` when the English file could not be had.

    Numbers, dates and times keep the Vietnamese style in both languages (dd/MM/yyyy, 24 h).
    """
    remove_translators(app)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    in_force = DEFAULT_LANGUAGE
    if language != DEFAULT_LANGUAGE:
        compiled = compiled_translation(language, cache_dir)
        translator = QTranslator(app)
        if compiled is not None and _load(translator, compiled):
            app.installTranslator(translator)
            _installed.append(translator)
            in_force = language
        elif compiled is not None:
            log.warning("could not load %s; the window stays in Vietnamese", compiled)
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    base = QTranslator(app)
    if _load(base, qt_dir / f"qtbase_{in_force}.qm"):  # Qt ships no qtbase_vi today
        app.installTranslator(base)
        _installed.append(base)
    return in_force


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())

"""What a supervisor does about sync, for the command line and the window (`desk.sync`)."""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import EllipsisType
from typing import TYPE_CHECKING, Any

from ..domain.accounts import Permission
from ..domain.clock import iso
from ..domain.errors import NotFound
from ..domain.office import HUB_URL_KEY
from ..domain.sync_config import SyncConfigError, check_gateway_url, check_token
from ..domain.sync_rules import clock_is_wrong, skew_minutes
from ..station_keys import NoCredentialStore
from ..store import dossiers, outbox, settings, sync_state
from ..store.db import write_transaction
from . import batch_files, credentials
from .engine import (
    CA_FILE_KEY,
    GATEWAY_URL_KEY,
    ClientFactory,
    SyncConfig,
    Syncer,
    SyncResult,
    TokenProvider,
    default_client,
    load_config,
)

if TYPE_CHECKING:
    from ..desk import Desk

UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                     r"[0-9a-fA-F]{12}$")


log = logging.getLogger(__name__)

class NothingToRetry(NotFound):
    """No parked event matches what was asked to be sent again."""


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the sync screen show; the runner adds the live fields."""

    configured: bool
    gateway_url: str | None
    counts: dict[str, int]
    last_success: str | None
    last_error: dict[str, Any] | None
    auth_error: dict[str, Any] | None
    envelope_error: dict[str, Any] | None
    mismatch: dict[str, Any] | None
    clock: dict[str, Any] | None
    health: dict[str, Any] | None
    flagged_updates: int
    # office mode (docs/office-hub.md §9): the hub's last health and this counter's feed
    office: dict[str, Any] | None = None
    # live, from the background runner:
    online: bool | None = None
    syncing: bool = False
    next_attempt_at: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def waiting(self) -> int:
        return self.counts.get("pending", 0) + self.counts.get("sending", 0)

    @property
    def parked(self) -> int:
        return self.counts.get("rejected", 0)

    @property
    def clock_skew_seconds(self) -> float | None:
        return self.clock.get("skew_seconds") if self.clock else None

    @property
    def clock_warning(self) -> bool:
        skew = self.clock_skew_seconds
        return skew is not None and clock_is_wrong(skew)

    @property
    def clock_skew_minutes(self) -> int | None:
        skew = self.clock_skew_seconds
        return None if skew is None else skew_minutes(skew)

    def live(self, **changes: Any) -> SyncStatus:
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return {
            "configured": self.configured, "gateway_url": self.gateway_url,
            **{state: self.counts.get(state, 0)
               for state in ("pending", "sending", "delivered", "rejected")},
            "last_success": self.last_success, "last_error": self.last_error,
            "online": self.online, "auth_error": self.auth_error,
            "envelope_error": self.envelope_error, "mismatch": self.mismatch,
            "clock_skew_seconds": self.clock_skew_seconds, "clock_warning": self.clock_warning,
            "flagged_updates": self.flagged_updates, "last_health": self.health,
            "office": self.office,
        }


class SyncService:
    """Sync of one open desk: settings, token, status, parked events, files, one sync."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.db = desk.db

    # ---- settings ----------------------------------------------------------------------------

    def config(self) -> SyncConfig | None:
        return load_config(self.desk)

    def configure(self, gateway_url: str, ca_file: str | Path | None | EllipsisType = ...,
                  *, token: str | None = None) -> SyncConfig:
        """Check and store the gateway address and the CA file (None: the system's CAs;
        left out: the CA file stays as it was). An administrator's.

        A new address forgets the station token unless `token` is given with it: the token is
        only ever sent to the address it was entered for (issue 12, point 4).
        """
        self.desk.require(Permission.SYNC_SETTINGS)
        if self.desk.setting(HUB_URL_KEY):
            raise SyncConfigError(
                "Máy này đã tham gia văn phòng: máy chủ văn phòng gửi dữ liệu lên tỉnh, quầy "
                "không cấu hình máy chủ tỉnh.", "this counter joined an office hub: the hub "
                "forwards to the province (set it with `hub province` at the hub)")
        url = check_gateway_url(gateway_url)
        if token is not None:
            token = check_token(token)
        before = self.desk.setting(GATEWAY_URL_KEY)
        had_token = self.desk.is_set_up() and self.has_token()
        if isinstance(ca_file, EllipsisType):
            ca = self.desk.setting(CA_FILE_KEY) or None
        else:
            ca = str(Path(ca_file).expanduser().resolve()) if ca_file else None
        if ca is not None:
            _check_ca_file(ca)
        with write_transaction(self.db):
            settings.set_value(self.db, GATEWAY_URL_KEY, url)
            settings.set_value(self.db, CA_FILE_KEY, ca)
            sync_state.delete(self.db, sync_state.AUTH_ERROR)
            sync_state.log(self.db, self._now(), "info", "configure",
                           f"gateway set to {url}" + (f" with CA file {ca}" if ca else ""))
            moved = bool(before) and before != url
            self.desk.audit.record("sync.configured", url, {
                "ca_file": ca, "before": before,
                "token": "new" if token is not None else "none" if not had_token
                else "forgotten" if moved else "kept"})
        if token is not None:
            self._keep_token(token, url)
        elif moved:
            station = self.desk.station
            credentials.forget_token(self.desk.keys.store, station.unit_code,
                                     station.station_no)
        return SyncConfig(url, ca)

    def _keep_token(self, token: str, url: str | None) -> None:
        station = self.desk.station
        credentials.store_token(self.desk.keys.store, station.unit_code, station.station_no,
                                token)
        if url:
            credentials.bind_token(self.desk.keys.store, station.unit_code,
                                   station.station_no, url)

    def turn_off(self) -> None:
        """No gateway any more (an administrator's): nothing is sent; the token is kept, bound
        to the address it was entered for."""
        self.desk.require(Permission.SYNC_SETTINGS)
        with write_transaction(self.db):
            before = settings.get_value(self.db, GATEWAY_URL_KEY)
            settings.set_value(self.db, GATEWAY_URL_KEY, None)
            self.desk.audit.record("sync.turned_off", before or "", {})

    def set_token(self, token: str) -> None:
        """Keep the station token where the station keeps its secrets (NoCredentialStore if
        there is no such place), for the gateway configured now; a new token lifts a stop
        after 401/403. An administrator's."""
        self.desk.require(Permission.SYNC_SETTINGS)
        token = check_token(token)
        self._keep_token(token, self.desk.setting(GATEWAY_URL_KEY))
        with write_transaction(self.db):
            sync_state.delete(self.db, sync_state.AUTH_ERROR)
            sync_state.log(self.db, self._now(), "info", "token", "station token stored")
            self.desk.audit.record("sync.token_set", "", {})

    def token(self) -> str | None:
        """The station token, only if it was entered for the gateway configured now (an
        address changed behind the app's back, in the database, never receives it)."""
        station = self.desk.station
        store = self.desk.keys.store
        token = credentials.load_token(store, station.unit_code, station.station_no)
        if not token:
            return None
        url = self.desk.setting(GATEWAY_URL_KEY)
        bound = credentials.token_gateway(store, station.unit_code, station.station_no)
        if bound is None:
            if url:  # a token of an older version: bound to the address it was used with
                with contextlib.suppress(NoCredentialStore):
                    credentials.bind_token(store, station.unit_code, station.station_no, url)
            return token
        if bound != url:
            log.warning("the station token was entered for %s, not for %s: not used", bound,
                        url)
            return None
        return token

    def has_token(self) -> bool:
        return bool(self.token())

    # ---- state -------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        values = sync_state.all_values(self.db)
        # A counter in an office syncs with its hub (docs/office-hub.md).
        url = self.desk.setting(HUB_URL_KEY) or self.desk.setting(GATEWAY_URL_KEY)
        flagged = sum(n for outcome, n in sync_state.count_updates(self.db).items()
                      if outcome != "applied")
        return SyncStatus(
            configured=bool(url), gateway_url=url, counts=outbox.count_by_state(self.db),
            last_success=values.get(sync_state.LAST_SUCCESS),
            last_error=values.get(sync_state.LAST_ERROR),
            auth_error=values.get(sync_state.AUTH_ERROR),
            envelope_error=values.get(sync_state.ENVELOPE_ERROR),
            mismatch=values.get(sync_state.MISMATCH), clock=values.get(sync_state.CLOCK),
            health=values.get(sync_state.HEALTH), flagged_updates=flagged,
            office=self._office(values),
        )

    def _office(self, values: dict[str, Any]) -> dict[str, Any] | None:
        from ..domain.office import FEED_STATE, OFFICE_HUB

        hub = self.desk.setting(HUB_URL_KEY)
        if not hub:
            return None
        return {"hub_url": hub, "hub": values.get(OFFICE_HUB), "feed": values.get(FEED_STATE)}

    def parked(self) -> list[dict[str, Any]]:
        return outbox.parked(self.db)

    def flagged_updates(self) -> list[dict[str, Any]]:
        return sync_state.flagged_updates(self.db)

    def log(self, limit: int = 50) -> list[dict[str, Any]]:
        return sync_state.recent_log(self.db, limit)

    def retry(self, target: str) -> list[str]:
        """Put a parked event (by event id) or a dossier's parked events (by its code) back to
        pending, to be sent at the next sync. NothingToRetry if none is parked."""
        actor = self.desk.require(Permission.SYNC_RETRY).login
        target = target.strip()
        with write_transaction(self.db):
            if UUID_RE.match(target):
                ids = [target.lower()]
                if outbox.event_state(self.db, ids[0]) != "rejected":
                    raise NothingToRetry(f"Sự kiện {target} không nằm trong danh sách bị từ chối.",
                                         f"event {target} is not parked")
            else:
                row = dossiers.row_id_of(self.db, target)
                if row is None:
                    raise NothingToRetry(f"Không có hồ sơ hoặc sự kiện {target}.",
                                         f"no dossier or event {target}")
                ids = outbox.parked_ids_of_dossier(self.db, row)
                if not ids:
                    raise NothingToRetry(f"Hồ sơ {target} không có sự kiện bị từ chối.",
                                         f"dossier {target} has no parked event")
            outbox.retry_parked(self.db, ids, self._now())
            sync_state.log(self.db, self._now(), "info", "retry",
                           f"{len(ids)} parked events put back to pending",
                           {"events": ids, "by": actor})
            self.desk.audit.record("sync.retried", target, {"events": ids})
        return ids

    def retry_events(self, event_ids: list[str]) -> int:
        actor = self.desk.require(Permission.SYNC_RETRY).login
        with write_transaction(self.db):
            changed = outbox.retry_parked(self.db, event_ids, self._now())
            sync_state.log(self.db, self._now(), "info", "retry",
                           f"{changed} parked events put back to pending",
                           {"events": event_ids, "by": actor})
            self.desk.audit.record("sync.retried", "", {"events": event_ids})
        return changed

    def clear_envelope_error(self) -> None:
        with write_transaction(self.db):
            sync_state.delete(self.db, sync_state.ENVELOPE_ERROR)

    # ---- files -------------------------------------------------------------------------------

    def _audit_as(self, actor: str):
        def record(action: str, target: str, detail: dict[str, Any]) -> None:
            self.desk.audit.record(action, target, detail, actor=actor)
        return record

    def export(self, out: Path, *, token: str | None = None) -> dict[str, Any]:
        actor = self.desk.require(Permission.SYNC_NOW).login
        token = token or self.token()
        if not token:
            raise SyncConfigError(
                "Chưa có mã truy cập của quầy: tệp dữ liệu được ký bằng mã này. Hãy nhập mã "
                "trong Cài đặt trước.",
                "no station token: the batch file is signed with a key derived from it; "
                "run `intake-app sync set-token` first")
        station = self.desk.station
        return batch_files.export_pending(self.db, Path(out), token=token,
                                          unit_code=station.unit_code,
                                          station_no=station.station_no, clock=self.desk.clock,
                                          audit=self._audit_as(actor))

    def import_results(self, path: Path, *, token: str | None = None) -> dict[str, Any]:
        """Apply a gateway result file meant for this station (see `batch_files`); its
        signature is checked with the key derived from the station token."""
        actor = self.desk.require(Permission.SYNC_NOW).login
        token = token or self.token()
        if not token:
            raise SyncConfigError(
                "Chưa có mã truy cập của quầy nên không kiểm tra được chữ ký của tệp kết quả. "
                "Hãy nhập mã trong Cài đặt rồi nhập lại tệp. Không có gì thay đổi.",
                "no station token: the result file's signature is checked with a key derived "
                "from it; run `intake-app sync set-token` first")
        station = self.desk.station
        return batch_files.import_results(self.db, Path(path), token=token,
                                          unit_code=station.unit_code,
                                          station_no=station.station_no, clock=self.desk.clock,
                                          audit=self._audit_as(actor))

    # ---- one sync ----------------------------------------------------------------------------

    def run(self, *, forced: bool = True, token_provider: TokenProvider | None = None,
            client_factory: ClientFactory = default_client) -> SyncResult:
        """One sync asked for by a person ("Đồng bộ ngay", `intake-app sync`); the window's
        background syncs are the app's own (`runner`)."""
        self.desk.require(Permission.SYNC_NOW)
        return Syncer(self.desk, token_provider=token_provider,
                      client_factory=client_factory).run(forced=forced)

    def province_highest_codes(self, timeout: float = 15.0) -> dict[str, int] | None:
        """The highest daily sequence per day the province holds for this station (the
        summary's optional `highest_by_day`), or None when sync is not set up, there is no
        token, the gateway does not answer or does not say (logged)."""
        import logging

        from .client import NoAnswer

        log = logging.getLogger(__name__)
        try:
            config = self.config()
        except SyncConfigError as exc:
            log.warning("province codes not asked: %s", exc.detail)
            return None
        token = self.token() if config is not None else None
        if config is None or not token:
            return None
        station = self.desk.station
        try:
            with default_client(config, token) as client:
                answer = client.summary(station.unit_code, station.station_no, codes=True,
                                        timeout=timeout)
        except NoAnswer as exc:
            log.warning("the gateway did not answer the summary: %s", exc)
            return None
        data = answer.json() if answer.status == 200 else None
        highest = data.get("highest_by_day") if isinstance(data, dict) else None
        if not isinstance(highest, dict):
            log.warning("the gateway's summary has no highest codes (HTTP %s)", answer.status)
            return None
        return {str(day): int(seq) for day, seq in highest.items()
                if isinstance(seq, int) and not isinstance(seq, bool) and 0 < seq < 1000
                and len(str(day)) == 6 and str(day).isdigit()}

    def probe(self) -> bool | None:
        return Syncer(self.desk).probe()

    def _now(self) -> str:
        return iso(self.desk.clock())


def _check_ca_file(path: str) -> None:
    import ssl

    try:
        ssl.create_default_context(cafile=path)
    except (OSError, ssl.SSLError) as exc:
        raise SyncConfigError(
            f"Không dùng được tệp chứng chỉ CA {path}: {exc}",
            f"cannot use the CA file {path}: {exc}") from exc

"""One full sync of a data folder: health → send everything → pull updates → count check.

`Syncer.run` never sleeps and never retries by itself: it reports what happened, and the
background runner (`sync.runner`) or the command line decide when to try again. Only one
sender works on a data folder at a time (a lease in `sync_state`, renewed at every batch,
naming its holder: `sync.holder`). A sender takes another's lease when it has run out, or at
once when its holder is gone (killed mid-batch, say); whoever takes the lease from no live
holder puts events left `sending` back to `pending` and says so in the sync log.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..domain.clock import iso
from ..domain.office import HUB_URL_KEY, OFFICE_HUB, PIN_PEM_KEY
from ..domain.sync_config import SyncConfigError, check_gateway_url
from ..domain.sync_rules import (
    MAX_BATCH_EVENTS,
    clock_is_wrong,
    clock_skew_seconds,
    parse_server_time,
    retry_after_seconds,
    skew_minutes,
)
from ..store import outbox, sync_state
from ..store.db import write_transaction
from .client import GatewayClient, NoAnswer
from .holder import holder_gone, this_process
from .puller import PullFailed, PullReport, check_summary, pull_updates
from .sender import Identity, OutboxQueue, Sender, SendReport

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

GATEWAY_URL_KEY = "sync.gateway_url"
CA_FILE_KEY = "sync.ca_file"
LEASE_TTL = timedelta(minutes=3)  # renewed before every request that changes the outbox

OK, FAILED, BAD_CONFIG = 0, 1, 2
# Sending stopped because the gateway is failing or busy: no more requests this time.
BUSY_GATEWAY = ("throttled", "server", "network", "protocol", "replay", "lease")


@dataclass(frozen=True)
class SyncConfig:
    gateway_url: str
    ca_file: str | None = None
    pinned_pem: str | None = None  # office mode: the hub's certificate (docs/office-hub.md)


def load_config(desk: Desk) -> SyncConfig | None:
    """The configured gateway, or None; SyncConfigError if what is stored is unusable.

    A counter that joined an office syncs with its hub, pinned to the hub's certificate."""
    hub = desk.setting(HUB_URL_KEY)
    if hub:
        return SyncConfig(check_gateway_url(hub), None, desk.setting(PIN_PEM_KEY) or None)
    url = desk.setting(GATEWAY_URL_KEY)
    if not url:
        return None
    ca_file = desk.setting(CA_FILE_KEY) or None
    if ca_file and not os.path.isfile(ca_file):
        raise SyncConfigError(f"Không tìm thấy tệp chứng chỉ CA {ca_file}.",
                              f"the CA file {ca_file} does not exist")
    return SyncConfig(check_gateway_url(url), ca_file)


TokenProvider = Callable[[], "str | None"]
ClientFactory = Callable[[SyncConfig, "str | None"], GatewayClient]


def default_client(config: SyncConfig, token: str | None) -> GatewayClient:
    return GatewayClient(config.gateway_url, token, ca_file=config.ca_file,
                         pinned_pem=config.pinned_pem,
                         user_agent=f"intake-app/{__version__}")


@dataclass
class SyncResult:
    ok: bool = False
    exit_code: int = FAILED
    online: bool | None = None  # None: not asked (not configured, busy)
    stopped: str | None = None  # not_configured, no_token, busy, offline, auth, envelope_held,
    #                             network, server, throttled, protocol, replay, pull, ...
    error: str | None = None  # English
    send: SendReport | None = None
    pull: PullReport | None = None
    mismatch: dict[str, Any] | None = None
    clock_skew_seconds: float | None = None
    retry_after: float | None = None
    at: str | None = None
    changed_codes: list[str] = field(default_factory=list)

    @property
    def clock_warning(self) -> bool:
        return self.clock_skew_seconds is not None and clock_is_wrong(self.clock_skew_seconds)

    def as_dict(self) -> dict[str, Any]:
        send = self.send or SendReport()
        pull = self.pull or PullReport()
        return {
            "ok": self.ok, "online": self.online, "stopped": self.stopped, "error": self.error,
            "sent": send.sent, "accepted": send.accepted, "duplicate": send.duplicate,
            "rejected": send.rejected, "batches": send.batches, "replays": send.replays,
            "halvings": send.halvings, "send_complete": send.complete,
            "updates_applied": pull.applied, "updates_history_only": pull.history_only,
            "updates_unknown_dossier": pull.unknown_dossier, "updates_skipped": pull.skipped,
            "mismatch": self.mismatch,
            "clock_skew_seconds": self.clock_skew_seconds,
            "clock_warning": self.clock_warning,
            "retry_after": self.retry_after, "at": self.at,
        }


class Syncer:
    """Runs full syncs of one open desk (one thread: a Desk is not thread-safe)."""

    def __init__(self, desk: Desk, *, token_provider: TokenProvider | None = None,
                 client_factory: ClientFactory = default_client,
                 clock: Callable[[], datetime] | None = None, owner: str | None = None,
                 max_events: int | None = None):
        self.desk = desk
        self.db = desk.db
        self.clock = clock or desk.clock
        self.client_factory = client_factory
        self.token_provider = token_provider or self._keyring_token
        self.holder = this_process(owner)
        self.owner = self.holder.owner
        self.max_events = max_events

    def _keyring_token(self) -> str | None:
        return self.desk.sync.token()  # only the token entered for this gateway

    def _audit(self, action: str, target: str, detail: dict[str, Any]) -> None:
        """Inside a transaction of the puller: the change is the province's, recorded by the
        app (no person)."""
        self.desk.audit.record(action, target, detail, actor="")

    def _now(self) -> str:
        return iso(self.clock())

    # ---- lease -------------------------------------------------------------------------------

    def take_lease(self) -> bool:
        """Take or renew the lease; False while another live sender holds it."""
        with write_transaction(self.db):
            taken = sync_state.acquire_lease(self.db, self.holder.as_dict(), self.clock(),
                                             LEASE_TTL, holder_gone)
            if taken.taken_over:
                reset = outbox.reset_sending(self.db, self._now())
                previous = taken.previous
                if previous is not None:
                    who = (f"process {previous.get('pid')} on {previous.get('host')}"
                           if previous.get("pid") else f"sender {previous.get('owner')}")
                    sync_state.log(
                        self.db, self._now(), "warning", "takeover",
                        f"took over the sync lease of {who} ({taken.why}); {reset} events "
                        "left sending went back to pending",
                        {"previous": previous, "why": taken.why, "reset": reset,
                         "holder": self.holder.as_dict()})
                elif reset:
                    sync_state.log(self.db, self._now(), "info", "reset",
                                   f"{reset} events left sending went back to pending")
        return taken.acquired

    def drop_lease(self) -> None:
        with write_transaction(self.db):
            sync_state.release_lease(self.db, self.owner)

    # ---- one sync ----------------------------------------------------------------------------

    def run(self, *, forced: bool = False) -> SyncResult:
        """One full sync; `forced` is "Sync now": it also retries after a 401/403 or a 422."""
        result = SyncResult(at=self._now())
        try:
            config = load_config(self.desk)
        except SyncConfigError as exc:
            return self._finish(result, "not_configured", exc.detail, BAD_CONFIG)
        if config is None:
            return self._finish(result, "not_configured", "no gateway is configured: run "
                                "`intake-app sync configure --gateway URL`", BAD_CONFIG)
        token = self.token_provider()
        if not token:
            return self._finish(result, "no_token", "no station token in the credential store: "
                                "run `intake-app sync set-token`", BAD_CONFIG)
        if not self.take_lease():
            return self._finish(result, "busy", "another sync of this data folder is running")
        try:
            client = self.client_factory(config, token)
        except SyncConfigError as exc:
            self.drop_lease()
            return self._finish(result, "not_configured", exc.detail, BAD_CONFIG)
        except (OSError, ValueError) as exc:  # an unreadable CA file, say
            self.drop_lease()
            return self._finish(result, "not_configured", f"cannot use the gateway settings: "
                                f"{exc}", BAD_CONFIG)
        if config.pinned_pem is not None:  # to an office hub: say what waits here (§2.1)
            counts = outbox.count_by_state(self.db)
            client.set_header("X-Intake-Outbox", f"pending={counts['pending'] + counts['sending']};"
                              f"parked={counts['rejected']}")
        try:
            with client:
                return self._run(client, result, forced, config)
        finally:
            self.drop_lease()

    def probe(self) -> bool | None:
        """`GET /v1/health` of the configured gateway: True online, False not, None no config."""
        try:
            config = load_config(self.desk)
        except SyncConfigError:
            return None
        if config is None:
            return None
        try:
            with self.client_factory(config, None) as client:
                return self._health(client, SyncResult())
        except (OSError, ValueError):
            return False

    def _health(self, client: GatewayClient, result: SyncResult) -> bool:
        try:
            answer = client.health()
        except NoAnswer as exc:
            result.error = f"gateway unreachable: {exc}"
            ok = False
        else:
            data = answer.json()
            ok = answer.status == 200 and isinstance(data, dict) and data.get("status") == "ok"
            if not ok:
                result.error = f"gateway health answered {answer.status}: {answer.text(200)}"
            elif (server_time := parse_server_time(data.get("server_time"))) is not None:
                result.clock_skew_seconds = clock_skew_seconds(server_time, self.clock())
        office = data.get("office") if ok and isinstance(data, dict) else None
        with write_transaction(self.db):
            sync_state.put(self.db, sync_state.HEALTH, {"at": self._now(), "ok": ok})
            if isinstance(office, dict):  # an office hub: where it and the province stand
                sync_state.put(self.db, OFFICE_HUB, {"at": self._now(), **office})
            self._store_clock(result.clock_skew_seconds)
        return ok

    def _store_clock(self, skew: float | None) -> None:
        if skew is None:
            return
        sync_state.put(self.db, sync_state.CLOCK, {"at": self._now(), "skew_seconds": skew})

    def _run(self, client: GatewayClient, result: SyncResult, forced: bool,
             config: SyncConfig) -> SyncResult:
        station = self.desk.station
        result.online = self._health(client, result)
        if not result.online:
            return self._finish(result, "offline", result.error)
        with write_transaction(self.db):
            if forced:
                sync_state.delete(self.db, sync_state.AUTH_ERROR)
                sync_state.delete(self.db, sync_state.ENVELOPE_ERROR)
            auth_error = sync_state.get(self.db, sync_state.AUTH_ERROR)
            held = sync_state.get(self.db, sync_state.ENVELOPE_ERROR)
        if auth_error:
            return self._finish(result, "auth", "syncing is stopped: the gateway refused the "
                                f"station token ({auth_error.get('status')}); set a new token "
                                "or press Sync now")
        if held is None:
            sender = Sender(self.db, client, Identity(station.unit_code, station.station_no,
                                                      __version__),
                            clock=self.clock, keep_lease=self.take_lease,
                            max_events=self.max_events or MAX_BATCH_EVENTS,
                            queue=OutboxQueue(self.db, office=config.pinned_pem is not None))
            result.send = sender.send_all()
            for server_time, at in result.send.server_times:
                result.clock_skew_seconds = clock_skew_seconds(server_time, at)
            if result.send.server_times:
                with write_transaction(self.db):
                    self._store_clock(result.clock_skew_seconds)
            if result.send.stopped == "auth":
                return self._auth_failed(result, result.send.auth_status,
                                         result.send.auth_message)
        if result.send and result.send.stopped in BUSY_GATEWAY:
            # A gateway that is failing or busy is left alone until the next try.
            result.retry_after = result.send.retry_after
            return self._finish(result, result.send.stopped, result.send.error)
        try:
            result.pull = pull_updates(self.db, client, clock=self.clock,
                                       keep_lease=self.take_lease, audit=self._audit)
            result.changed_codes = list(result.pull.changed_codes)
        except NoAnswer as exc:
            return self._finish(result, "network", f"updates: no answer: {exc}")
        except PullFailed as exc:
            return self._pull_failed(result, exc, "pull")
        if held is not None:
            return self._finish(result, "envelope_held", "sending is held after the gateway "
                                f"refused a batch envelope (422: {held.get('error')}); press "
                                "Sync now to send again")
        if result.send and result.send.stopped:
            result.retry_after = result.send.retry_after
            return self._finish(result, result.send.stopped, result.send.error)
        try:
            mismatch = check_summary(self.db, client, station.unit_code, station.station_no,
                                     clock=self.clock)
        except NoAnswer as exc:
            return self._finish(result, "network", f"summary: no answer: {exc}")
        except PullFailed as exc:
            return self._pull_failed(result, exc, "summary")
        result.mismatch = mismatch.as_dict() if mismatch else None
        self._province_codes_after_restore(client, station)
        result.ok = True
        return self._finish(result, None, None, OK)

    def _province_codes_after_restore(self, client: GatewayClient, station: Any) -> None:
        """A restore that could not ask the province (no token yet, offline) left a flag: the
        province's highest codes now raise the high-water file, so no code it holds is
        handed out again (services/restore.py)."""
        from ..services.restore import PROVINCE_PENDING, apply_province_codes

        if sync_state.get(self.db, PROVINCE_PENDING) is None:
            return
        try:
            answer = client.summary(station.unit_code, station.station_no, codes=True)
        except NoAnswer as exc:
            log.warning("the province's codes after a restore: no answer: %s", exc)
            return
        data = answer.json() if answer.status == 200 else None
        highest = data.get("highest_by_day") if isinstance(data, dict) else None
        if isinstance(highest, dict):
            apply_province_codes(self.desk, {str(k): int(v) for k, v in highest.items()
                                             if isinstance(v, int) and 0 < v < 1000})

    def _pull_failed(self, result: SyncResult, exc: PullFailed, stage: str) -> SyncResult:
        if exc.status in (401, 403):
            return self._auth_failed(result, exc.status, str(exc))
        if exc.status in (429, 503):
            result.retry_after = retry_after_seconds(exc.retry_after)
            return self._finish(result, "throttled", str(exc))
        return self._finish(result, stage, str(exc))

    def _auth_failed(self, result: SyncResult, status: int | None,
                     message: str | None) -> SyncResult:
        error = {"at": self._now(), "status": status, "message": message or ""}
        with write_transaction(self.db):
            sync_state.put(self.db, sync_state.AUTH_ERROR, error)
            sync_state.log(self.db, self._now(), "error", "auth",
                           f"the gateway refused the station token ({status}); syncing stopped",
                           error)
        return self._finish(result, "auth", f"the gateway refused the station token ({status}): "
                            f"{message or ''}".rstrip(": "))

    def _finish(self, result: SyncResult, stopped: str | None, error: str | None,
                exit_code: int = FAILED) -> SyncResult:
        result.stopped, result.error, result.exit_code = stopped, error, exit_code
        if stopped in ("busy",):
            return result
        with write_transaction(self.db):
            if result.ok:
                sync_state.put(self.db, sync_state.LAST_SUCCESS, self._now())
                sync_state.delete(self.db, sync_state.LAST_ERROR)
                send = result.send or SendReport()
                if send.sent or (result.pull and result.pull.applied + result.pull.history_only):
                    sync_state.log(self.db, self._now(), "info", "synced",
                                   f"synced: {send.sent} events sent, {send.accepted} accepted, "
                                   f"{send.duplicate} duplicate, {send.rejected} rejected",
                                   result.as_dict())
            else:
                sync_state.put(self.db, sync_state.LAST_ERROR,
                               {"at": self._now(), "kind": stopped, "message": error or ""})
        if not result.ok:
            log.warning("sync stopped (%s): %s", stopped, error)
        return result


def skew_text_minutes(skew: float | None) -> int | None:
    return None if skew is None else skew_minutes(skew)

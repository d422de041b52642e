"""The office view (docs/office-hub.md §6): each counter keeps a copy of the office's dossiers
from the hub's feed, searchable exactly like its own; another counter's dossier opens
read-only; a counter's own book and receipts stay its own."""

from __future__ import annotations

import subprocess
import time

import pytest
from conftest import as_user, intake_request, join_office
from office_testing import HubProcess, app_command, init_hub, pair_code, wait_until

from intake_app.desk import Desk
from intake_app.domain.errors import NotAllowed
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.status import DossierStatus
from intake_app.sync.client import GatewayClient
from intake_app.sync.engine import Syncer
from intake_app.sync.office_feed import OfficeFeed


@pytest.fixture
def hub(tmp_path):
    folder = tmp_path / "hub"
    init_hub(folder)
    process = HubProcess(folder).start()
    yield process
    process.kill()


def joined(hub, folder, station: int) -> Desk:
    desk = Desk(folder)
    join_office(desk, hub.address, pair_code(hub.folder, station))
    return desk


def read_feed(desk: Desk) -> int:
    """One page of the feed, as the counter's feed thread reads it (no wait)."""
    with GatewayClient(desk.office.info()["hub_url"], desk.sync.token(),
                       pinned_pem=desk.setting("office.certificate")) as client:
        return OfficeFeed(desk.data_dir).read_page(desk, client, 0)


OWNER = {"name": "Trần Thị Bích Ngọc", "id_number": "046195007777", "birth_date": "1995-01-01",
         "gender": "nữ", "phone": "0987654321", "email": None, "address": "Phường Đông Ba",
         "province_code": "46", "commune_code": "19873"}


def test_a_dossier_stamped_at_one_counter_is_found_and_read_only_at_another(
        hub, tmp_path) -> None:
    one, two = joined(hub, tmp_path / "c1", 1), joined(hub, tmp_path / "c2", 2)
    try:
        own = as_user(two, "nam.tv").receive(intake_request()).dossier  # counter 2's own
        stamped = one.receive(intake_request(owner=OWNER)).dossier
        assert Syncer(one).run(forced=True).ok and Syncer(two).run(forced=True).ok
        assert read_feed(two) >= 3  # two counters paired, then the events
        for words in ("tran thi bich ngoc", "Ngọc", "046195007777", "0987 654 321",
                      stamped.code, "nguyen van duc"):
            assert stamped.code in [d.code for d in two.find(words)], words
        copy = two.dossier(stamped.code)
        assert copy == one.dossier(stamped.code)
        assert [h["action"] for h in two.history(stamped.code)] == ["received"]
        # Another counter's dossier is read-only here; the writer names itself.
        with pytest.raises(NotAllowed, match="Quầy 1 đang cập nhật"):
            two.step(stamped.code, StepRequest(DossierStatus.IN_PROCESSING, "Hoa",
                                               to_unit="Phòng Tư pháp"))
        # The writer's next step reaches the copy; history grows, never forks.
        one.step(stamped.code, StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa",
                                           to_unit="Phòng Tư pháp"))
        assert Syncer(one).run(forced=True).ok
        read_feed(two)
        assert two.dossier(stamped.code).status == DossierStatus.IN_PROCESSING
        assert two.dossier(stamped.code).version == 2
        assert [h["action"] for h in two.history(stamped.code)] == [
            h["action"] for h in one.history(stamped.code)]
        # Counter 1 finds counter 2's own dossier too; its own events came back as echoes.
        read_feed(one)
        assert [d.code for d in one.find(own.code)] == [own.code]
        assert one.dossier(stamped.code).version == 2
        # Each counter's book holds its own dossiers only (a supervisor prints it).
        as_user(one, "nam.tv")
        as_user(two, "nam.tv")
        day = stamped.received_at.date()
        assert [r.code for r in one.ledger.build(day, day).rows] == [stamped.code]
        assert [r.code for r in two.ledger.build(day, day).rows] == [own.code]
        assert one.ledger.verify() == [] and two.ledger.verify() == []
        # The office's log at any counter: every counter's rows, each in its counter's book.
        office = two.ledger.build(day, day, office=True)
        assert sorted(r.code for r in office.rows) == sorted([stamped.code, own.code])
        assert {r.code: r.ledger_book[:2] for r in office.rows} == {stamped.code: "01",
                                                                    own.code: "02"}
        assert [r.code for r in two.ledger.build(day, day, counter=1).rows] == [stamped.code]
        assert [r.code for r in two.ledger.build(day, day, "Lê Thị Hoa", office=True).rows] \
            == [stamped.code]
        # Report 06a likewise: this counter's own by default, the office's, one counter's or
        # one clerk's on request (a working copy; the recorded prints stay the counter's).
        reports = two.reports
        assert reports.report_06a(day, day).total.total == 1
        assert reports.report_06a(day, day, office=True).total.total == 2
        assert reports.report_06a(day, day, counter=1).total.total == 1
        assert reports.report_06a(day, day, office=True, clerk="Trần Văn Nam").total.total == 1
        out = tmp_path / "06a-office.pdf"
        assert reports.write_scoped_06a(day, day, out, office=True).total.total == 2
        assert out.read_bytes().startswith(b"%PDF") and reports.prints_06a(day, day) == []
    finally:
        one.close()
        two.close()


def test_counters_as_processes_find_each_others_stamps_within_seconds(hub, tmp_path) -> None:
    one, two = joined(hub, tmp_path / "c1", 1), joined(hub, tmp_path / "c2", 2)
    one.close()
    runs = [subprocess.Popen(app_command(tmp_path / f"c{k}", "office", "run"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for k in (1, 2)]
    try:
        request = tmp_path / "request.json"
        import json

        request.write_text(json.dumps(intake_request(owner=OWNER), ensure_ascii=False))
        time.sleep(1.0)  # both counters are following the feed
        started = time.monotonic()
        stamped = subprocess.run(app_command(tmp_path / "c1", "receive", "--json", str(request)),
                                 capture_output=True, text=True, check=True)
        code = json.loads(stamped.stdout)["code"]
        wait_until(lambda: two.find("bich ngoc"), 30, 0.05, "the stamp found at counter 2")
        elapsed = time.monotonic() - started
        assert two.find(code)[0].code == code
        assert elapsed < 15, elapsed  # typically well under a second (bench/bench_hub.py)
    finally:
        for run in runs:
            run.terminate()
        for run in runs:
            run.wait(10)
        two.close()

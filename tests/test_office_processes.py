"""Counters as real processes (`intake-app office run`) around a real hub process: a counter
cut off from the hub keeps stamping and catches up when the hub is back; the other counter
finds all of it, then hands one back after `intake-app office claim` (the writer's process
releases it), and the counts agree everywhere (docs/office-hub.md §13, points 2, 5 and 8)."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import intake_request, join_office
from office_testing import HubProcess, app_command, hub_rows, init_hub, pair_code, wait_until

from intake_app.desk import Desk
from intake_app.domain.lifecycle import StepRequest
from intake_app.domain.status import DossierStatus


def cut_off_then_caught_up(tmp_path, dossiers: int) -> None:
    folder = tmp_path / "hub"
    init_hub(folder)
    hub = HubProcess(folder).start()
    desks = {}
    for k in (1, 2):
        desks[k] = Desk(tmp_path / f"c{k}")
        join_office(desks[k], hub.address, pair_code(folder, k))
    one, two = desks[1], desks[2]
    one.write_receipt = lambda receipt: None  # the PDFs are not what this test is about
    runs = [subprocess.Popen(app_command(tmp_path / f"c{k}", "office", "run"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for k in (1, 2)]
    try:
        hub.kill()  # the switch dies: counter 1 works alone
        codes = [one.receive(intake_request()).dossier.code
                 for _ in range(dossiers)]
        one.step(codes[0], StepRequest(DossierStatus.IN_PROCESSING, "Lê Thị Hoa",
                                       to_unit="Phòng Tư pháp"))
        one.step(codes[0], StepRequest(DossierStatus.DONE, "Lê Thị Hoa"))
        assert one.outbox_counts()["pending"] == dossiers + 2
        hub.start()  # back on the same address: the counters find it again by themselves
        wait_until(lambda: two.db.execute("SELECT count(*) FROM dossiers WHERE station_no = 1"
                                          ).fetchone()[0] == dossiers, 120, 0.1,
                   "counter 2 holds all of counter 1's dossiers")
        wait_until(lambda: two.dossier(codes[0]).status == DossierStatus.DONE, 30, 0.05,
                   "the last step at counter 2")
        assert [d.code for d in two.find(codes[-1])] == [codes[-1]]
        # Counter 2 hands one back: it claims it (counter 1's process releases), then steps.
        claimed = subprocess.run(app_command(tmp_path / "c2", "office", "claim", codes[0]),
                                 capture_output=True, text=True, timeout=120)
        assert claimed.returncode == 0, claimed.stderr
        assert json.loads(claimed.stdout)["grant"]["to_station"] == 2
        returned = subprocess.run(app_command(tmp_path / "c2", "step", codes[0], "--to",
                                              "returned", "--receiver", "Nguyễn Văn Đức"),
                                  capture_output=True, text=True, timeout=120)
        assert returned.returncode == 0, returned.stderr
        wait_until(lambda: one.dossier(codes[0]).status == DossierStatus.RETURNED, 60, 0.05,
                   "counter 1 sees it returned")
        wait_until(lambda: two.outbox_counts()["pending"] + two.outbox_counts()["sending"] == 0
                   and one.outbox_counts()["pending"] + one.outbox_counts()["sending"] == 0,
                   60, 0.05, "everything sent")
    finally:
        for run in runs:
            run.terminate()
        for run in runs:
            run.wait(10)
        hub.kill()
    # The counts agree: each counter's delivered events are the hub's from it; every version
    # of the handed-over dossier is there once, gap-free.
    for k, desk in desks.items():
        assert desk.outbox_counts()["delivered"] == hub_rows(
            folder, "SELECT count(*) FROM events WHERE station_no = ?", [k])[0][0]
    assert one.outbox_counts()["delivered"] == dossiers + 2
    assert two.outbox_counts()["delivered"] == 2  # the hand-over event and the hand-back
    dossier_id = one.dossier(codes[0]).dossier_id
    assert hub_rows(folder, "SELECT version, station_no FROM events WHERE dossier_id = ? "
                    "ORDER BY version", [dossier_id]) == [(1, 1), (2, 1), (3, 1), (4, 2), (5, 2)]
    for desk in desks.values():
        desk.close()


def test_a_counter_cut_off_catches_up_and_another_hands_one_back(tmp_path) -> None:
    cut_off_then_caught_up(tmp_path, 20)


@pytest.mark.slow
def test_a_counter_cut_off_for_a_day_with_200_dossiers_catches_up(tmp_path) -> None:
    cut_off_then_caught_up(tmp_path, 200)

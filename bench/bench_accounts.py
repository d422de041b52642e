"""The benchmarks' accounts (issue 12): the set-up's administrator and one clerk, who acts
through every desk a benchmark opens (`as_clerk`). The password is the benchmarks' own."""

from __future__ import annotations

from typing import Any

PASSWORD = "mùa thu Hà Nội có gió"
ADMIN, CLERK, SUPERVISOR = "quantri", "canbo.do", "giamsat.do"


def set_up_accounts(desk: Any) -> None:
    """After `init_station`: the first administrator, who then adds the clerk."""
    from intake_app.domain.accounts import Role

    if not desk.accounts.exist():
        desk.accounts.first_administrator(ADMIN, "Quản Trị Đo", PASSWORD)
    desk.act_as(ADMIN)
    known = {account.login for account in desk.accounts.all()}
    for login, name, role in ((CLERK, "Cán Bộ Đo", Role.CLERK),
                              (SUPERVISOR, "Giám Sát Đo", Role.SUPERVISOR)):
        if login not in known:
            desk.accounts.add(login, name, role, PASSWORD, temporary=False)
    desk.act_as(CLERK)


def as_clerk(desk: Any, login: str = CLERK) -> Any:
    desk.act_as(login)
    return desk


def as_supervisor(desk: Any) -> Any:
    return as_clerk(desk, SUPERVISOR)

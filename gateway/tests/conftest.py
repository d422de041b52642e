"""Gateway test set-up: every database test runs on SQLite and on PostgreSQL.

PostgreSQL: INTAKE_GATEWAY_TEST_PG_URL names a throwaway database (its tables are emptied
before each test); without it, a private cluster is started from the server binaries on this
machine for the session, and removed at its end. No binaries and no URL: the PostgreSQL tests
fail with the way to install them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from intake_gateway.app import create_app
from intake_gateway.store import Store, open_store

from .gateway_helpers import ADMIN_TOKEN, STATION, UNIT, TestClient
from .gateway_testing import PostgresNotFound, TempPostgres

PG_URL_ENV = "INTAKE_GATEWAY_TEST_PG_URL"
TABLES = "stations, batches, events, dossiers, dossier_codes, procedures, updates"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    given = os.environ.get(PG_URL_ENV)
    if given:
        yield given
        return
    cluster = TempPostgres()
    try:
        cluster.start()
    except PostgresNotFound as exc:
        pytest.fail(f"{exc} (the gateway's tests run on PostgreSQL as well as SQLite)",
                    pytrace=False)
    try:
        yield cluster.create_database("intake_gateway_test")
    finally:
        cluster.stop()


def _empty_postgres(url: str) -> None:
    import psycopg

    open_store(url).close()  # creates the tables on a fresh database
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY")


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """An empty gateway database: an SQLite file, or the PostgreSQL test database emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/gateway.sqlite3"
    url = request.getfixturevalue("postgres_url")
    _empty_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path}/gateway.sqlite3"


@pytest.fixture
def app(database_url: str):
    app = create_app(database_url, admin_token=ADMIN_TOKEN)
    yield app
    app.state.store.close()


@pytest.fixture
def store(app) -> Store:
    """The store the app serves from (tests arrange data and count rows through it)."""
    return app.state.store


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def token(store: Store) -> str:
    return store.issue_token(UNIT, STATION)


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def admin_auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {ADMIN_TOKEN}"}

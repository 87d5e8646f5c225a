"""Users from the command line and the administrator's page: list them, rotate a lost token, revoke an access."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from openimr import config
from openimr.cli import app

runner = CliRunner()


@pytest.fixture
def cli_db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("OPENIMR_DATABASE_URL", db_url)
    config.settings.cache_clear()
    yield db_url
    config.settings.cache_clear()


def _token(*args: str) -> str:
    result = runner.invoke(app, ["users", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


def test_rotate_replaces_a_lost_token_and_revoke_closes_the_door(cli_db: str, client: TestClient) -> None:
    old = _token("create", "nurse-kim", "--role", "intake")
    assert client.get("/v1/applications", headers={"Authorization": f"Bearer {old}"}).status_code == 200
    new = _token("rotate", "nurse-kim")
    assert new != old
    assert client.get("/v1/applications", headers={"Authorization": f"Bearer {old}"}).status_code == 401
    assert client.get("/v1/applications", headers={"Authorization": f"Bearer {new}"}).status_code == 200
    assert runner.invoke(app, ["users", "revoke", "nurse-kim"]).exit_code == 0
    assert client.get("/v1/applications", headers={"Authorization": f"Bearer {new}"}).status_code == 401
    listing = runner.invoke(app, ["users", "list"])
    assert listing.exit_code == 0 and "nurse-kim" in listing.stdout and "revoked" in listing.stdout
    again = _token("rotate", "nurse-kim")  # a revoked user is given access again by a new token
    assert client.get("/v1/applications", headers={"Authorization": f"Bearer {again}"}).status_code == 200
    assert "active" in runner.invoke(app, ["users", "list"]).stdout


def test_an_unknown_user_is_a_one_line_error(cli_db: str) -> None:
    for command in ("rotate", "revoke"):
        result = runner.invoke(app, ["users", command, "nobody"])
        assert result.exit_code == 1 and "no user named 'nobody'" in result.stderr


def test_the_front_door_is_the_workbench_and_the_version_is_printed(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/ui/"
    from openimr import __version__

    assert runner.invoke(app, ["--version"]).stdout.strip() == __version__


def test_the_administrators_users_page(client, tokens) -> None:  # noqa: ANN001
    """An administrator lists, adds, re-issues and revokes users in the workbench; a token is shown once."""
    import re

    client.cookies.set("openimr_token", tokens["admin"])
    page = client.get("/ui/users")
    assert page.status_code == 200 and 'id="user-rev1"' in page.text and "Users</a>" in page.text
    added = client.post("/ui/users", data={"name": "kim", "role": "auditor"})
    token = re.search(r'id="new-token">([^<]+)<', added.text).group(1)
    assert added.status_code == 200 and token.startswith("oimr_")
    assert token not in client.get("/ui/users").text  # shown once, on the page that made it
    duplicate = client.post("/ui/users", data={"name": "kim", "role": "auditor"})
    assert duplicate.status_code == 400 and "exists already" in duplicate.text
    rotated = client.post("/ui/users/kim/rotate")
    new_token = re.search(r'id="new-token">([^<]+)<', rotated.text).group(1)
    assert new_token != token
    assert client.get("/v1/applications", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert client.get("/v1/applications", headers={"Authorization": f"Bearer {new_token}"}).status_code == 200
    assert client.post("/ui/users/kim/revoke", follow_redirects=False).status_code == 303
    assert client.get("/v1/applications", headers={"Authorization": f"Bearer {new_token}"}).status_code == 401
    own = client.post("/ui/users/admin/revoke")
    assert own.status_code == 400 and "own access" in own.text
    client.cookies.set("openimr_token", tokens["intake"])
    assert client.get("/ui/users").status_code == 403
    assert client.post("/ui/users", data={"name": "eve", "role": "admin"}).status_code == 403

"""Typed dependencies: the settings, a database session per request, the authenticated user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from openimr import service
from openimr.config import Settings
from openimr.store.db import session_scope
from openimr.store.models import User
from openimr.web.access_log import note_user


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]

# Ids and positions in a URL are database integers: a larger number is a client's mistake (422), not a 500.
_DB_INT = 2**63 - 1
AppId = Annotated[int, Path(ge=1, le=_DB_INT, description="The application's id.")]
Position = Annotated[int, Path(ge=0, le=10_000, description="The item's position in the application.")]


def get_session(settings: SettingsDep) -> Iterator[Session]:
    """One session per request, committed at the end; a database that is down becomes a 503."""
    with session_scope(settings.database_url) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def token_from(authorization: str | None, cookie: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization.split(None, 1)[1].strip()
    return cookie


# Declared in the OpenAPI document, so that the API reference's "Authorize" asks for the token.
_BEARER = HTTPBearer(auto_error=False, description="A user's token (openimr users create / rotate).")


def user_from(request: Request, session: Session, authorization: str | None) -> User:
    """The user of a request: its bearer token, else the workbench's cookie."""
    token = token_from(authorization, request.cookies.get("openimr_token"))
    user = service.authenticate(session, token) if token else None
    if user is None:
        raise HTTPException(
            status_code=401, detail="a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )
    note_user(request, user.id)
    if user.role == "auditor" and request.method not in ("GET", "HEAD", "OPTIONS"):
        raise HTTPException(status_code=403, detail="an auditor reads and changes nothing")
    return user


def get_user(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)] = None,
) -> User:
    return user_from(request, session, f"Bearer {credentials.credentials}" if credentials else None)


UserDep = Annotated[User, Depends(get_user)]

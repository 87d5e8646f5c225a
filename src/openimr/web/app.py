"""The FastAPI application: routes, limits, error mapping, migrations at start."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from openimr import __version__
from openimr.config import Settings
from openimr.config import settings as default_settings
from openimr.service import ServiceError
from openimr.store.db import DatabaseUnavailable, migrate
from openimr.web.access_log import AccessLog


class BodyLimit:
    """Refuse a request body larger than the limit with 413, whether or not it declares its length."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        if declared is not None:
            await self.app(scope, receive, send)
            return
        # No declared length (a chunked body): read it up to the limit before the application sees it.
        chunks: list[bytes] = []
        seen = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            seen += len(chunks[-1])
            if seen > self.limit:
                await self._refuse(send)
                return
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse(
            status_code=413, content={"detail": f"the request body is larger than {self.limit} bytes"}
        )
        await response({"type": "http"}, None, send)  # type: ignore[arg-type]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or default_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        migrate(settings.database_url)
        # Build the reading pipeline and load the guidelines before the first request, so that no request
        # waits for them or races another to build them.
        from openimr.extract.pipeline import nlp
        from openimr.guidelines.loader import all_guidelines

        nlp()
        all_guidelines()
        yield

    app = FastAPI(
        title="OpenIMR",
        version=__version__,
        lifespan=lifespan,
        description="California workers' compensation Independent Medical Review service.",
        docs_url=None,  # served below from the package: FastAPI's page loads Swagger UI from a CDN
        redoc_url=None,
    )
    app.state.settings = settings

    @app.get("/docs", include_in_schema=False)
    def api_reference() -> HTMLResponse:
        """The API reference with Swagger UI's files from the package (static/swagger), offline."""
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="OpenIMR API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/health", tags=["health"])
    def health() -> dict:
        return {"status": "ok", "version": __version__}

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        """The service's front door is the workbench (the API is under /v1, its reference at /docs)."""
        return RedirectResponse("/ui/", status_code=307)

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> JSONResponse:
        return JSONResponse(status_code=exc.status, content={"detail": exc.message})

    @app.exception_handler(DatabaseUnavailable)
    async def database_down(request: Request, exc: DatabaseUnavailable) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    from openimr.web import routes_api, routes_intake, routes_log, routes_ui, routes_users

    app.include_router(routes_api.router)
    app.include_router(routes_intake.router)  # before the UI's /applications/{id}, which would take "new"
    app.include_router(routes_ui.router)
    app.include_router(routes_log.router)
    app.include_router(routes_users.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("openimr.web").joinpath("static"))), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(AccessLog, log_format=settings.log_format)  # outermost: it sees every answer, 413s too
    return app

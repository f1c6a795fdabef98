"""The web UI and HTTP API (``newsweave serve``); needs ``pip install 'newsweave[server]'``.

``create_app(db, token)`` builds the FastAPI application; :mod:`newsweave.web.app` documents the
routes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.errors import MissingExtraError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from newsweave.store import Store

__all__ = ["SERVE_DB_ENV", "app_from_env", "create_app", "require_server_extra"]

# The database a multi-process ``newsweave serve --workers N`` passes to each worker process.
SERVE_DB_ENV = "NEWSWEAVE_SERVE_DB"


def require_server_extra() -> None:
    """Raise :class:`MissingExtraError` naming the install command when the server extra is missing."""
    for module in ("fastapi", "uvicorn", "jinja2", "fastapi_offline"):
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError(module, "server")


def create_app(db: str | Path | Store, token: str | None = None, *, process: bool = True) -> FastAPI:
    """The web application over one store; see :func:`newsweave.web.app.create_app`."""
    require_server_extra()
    from newsweave.web.app import create_app as make

    return make(db, token, process=process)


def app_from_env() -> FastAPI:
    """The application of one worker of ``newsweave serve --workers N`` (a uvicorn factory).

    Reads the database from ``$NEWSWEAVE_SERVE_DB`` and the write token from ``$NEWSWEAVE_TOKEN``;
    ingested articles are stored, not processed (one process must own the linking state).
    """
    import os

    return create_app(os.environ[SERVE_DB_ENV], os.environ.get("NEWSWEAVE_TOKEN") or None, process=False)

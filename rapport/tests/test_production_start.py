"""The README's production start works: gunicorn, whitenoise, production settings."""

import gzip
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from rapport.testing.gunicorn import GUNICORN, ROOT, Server


def start_gunicorn(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """The README's production server, one worker behind a proxy on this machine."""
    server = Server(env).start()
    assert server.process is not None
    return server.process, server.url


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(
        url, headers={"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip", "Host": "rapport.example.org"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is installed with the project")
def test_gunicorn_serves_the_app_and_its_static_files(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="rapport.settings",
        DJANGO_SECRET_KEY="production-like-secret-" + "s" * 40,
        DJANGO_ALLOWED_HOSTS="rapport.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        RAPPORT_PROXY_COUNT="1",
    )
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
        )
    server, base = start_gunicorn(env)
    try:
        for _ in range(100):
            try:
                status, headers, body = _get(f"{base}/accounts/login/")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        assert status == 200
        assert "Strict-Transport-Security" in headers and "secure" in headers.get("Set-Cookie", "").lower()
        assert headers.get("Content-Encoding") == "gzip"  # pages are compressed too
        page = gzip.decompress(body).decode()
        hashed = re.search(r'href="(/static/css/rapport\.[0-9a-f]{12}\.css)"', page)
        assert hashed, "the stylesheet should have a hashed, cache-busting name"
        status, headers, _ = _get(base + hashed.group(1))
        assert status == 200 and headers.get("Content-Encoding") == "gzip"
        assert "immutable" in headers.get("Cache-Control", "")
    finally:
        server.terminate()
        server.wait(timeout=10)

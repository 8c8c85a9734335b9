"""The README's production server (gunicorn, production settings) on a free local port: for
the tests that need a real process and for the load benchmark."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`with Server(env) as server:` serves until the block ends; `server.url` is its address."""

    def __init__(self, env: dict[str, str], port: int | None = None, workers: int = 1) -> None:
        self.env, self.port, self.workers = env, port or free_port(), workers
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> "Server":
        command = [str(GUNICORN), "rapport.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(self.workers), "--forwarded-allow-ips", "127.0.0.1"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        return self

    def wait_until_ready(self, timeout: float = 20) -> None:
        request = urllib.request.Request(
            f"{self.url}/accounts/login/", headers={"X-Forwarded-Proto": "https"}
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(request, timeout=5).close()
                return
            except urllib.error.HTTPError:
                return  # it answered
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"gunicorn did not start on {self.url}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)

    def worker_pids(self) -> list[int]:
        if self.process is None:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def peak_worker_memory_mb(self) -> float:
        """The largest peak resident size (VmHWM) of any worker process, in MB. On SQLite this
        counts the pages of the database file the worker has mapped, which live once in the
        system's file cache for every worker: `worker_own_memory_mb` leaves them out."""
        return self._largest("VmHWM:")

    def worker_own_memory_mb(self) -> float:
        """The largest memory of a worker's own (RssAnon, now rather than at its peak: Python
        seldom gives memory back, so after a run the two are close), in MB."""
        return self._largest("RssAnon:")

    def _largest(self, field: str) -> float:
        sizes = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith(field):
                    sizes.append(int(line.split()[1]) / 1024)
        return round(max(sizes, default=0), 1)

    def __enter__(self) -> "Server":
        self.start().wait_until_ready()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

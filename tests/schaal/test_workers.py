"""`commissie serve --workers 2`: two processes behind one port; a token made by the command
line works on every connection, whichever process answers (sessions live in the database)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_twee_workers_bedienen_dezelfde_gebruiker(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    env["COMMISSIE_DATA_DIR"] = str(tmp_path / "data")
    cmd = [sys.executable, "-m", "commissie"]
    maak = subprocess.run(
        [*cmd, "gebruiker", "aanmaken", "sec", "--rol", "secretaris", "--commissie", "TI"],
        env=env, input="wachtwoord-lang-genoeg\nwachtwoord-lang-genoeg\n",
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert maak.returncode == 0, maak.stderr
    uit = subprocess.run(
        [*cmd, "gebruiker", "token", "sec"], env=env, capture_output=True, text=True, timeout=120
    )
    token = uit.stdout.split()[-1]
    poort = _poort()
    server = subprocess.Popen(
        [*cmd, "serve", "--workers", "2", "--port", str(poort)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(600):
            try:
                if httpx.get(f"http://127.0.0.1:{poort}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        kinderen = subprocess.run(
            ["ps", "--ppid", str(server.pid), "-ww", "-o", "cmd="], capture_output=True, text=True
        ).stdout
        assert kinderen.count("--multiprocessing-fork") == 2, kinderen
        # A new connection per request, so both processes get some of them.
        statussen = [
            httpx.get(
                f"http://127.0.0.1:{poort}/api/zaken",
                headers={"Authorization": f"Bearer {token}", "Connection": "close"},
                timeout=10,
            ).status_code
            for _ in range(20)
        ]
        assert statussen == [200] * 20
    finally:
        server.terminate()
        server.wait(timeout=30)

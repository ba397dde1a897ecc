"""A stop while a command starts: one log line and exit 0 from wherever the process is, even
from a task of a running event loop that is not the one the start waits on."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import orjson

STARTING = textwrap.dedent(
    """
    import asyncio, os, signal
    from workers.ops import logs
    from workers.ops.signals import stop_while_starting

    async def background():
        os.kill(os.getpid(), signal.SIGTERM)  # lands in this task, not in main()
        await asyncio.sleep(0)

    async def main():
        task = asyncio.create_task(background())
        await asyncio.sleep(30)  # the start waiting on something else (a broker, a fetch)
        print("the start went on")

    logs.configure("INFO")
    stop_while_starting("khabar.test")
    asyncio.run(main())
    """
)


def test_a_stop_in_any_task_ends_the_start_with_one_line_and_code_0():
    done = subprocess.run(
        [sys.executable, "-c", STARTING], capture_output=True, timeout=20, text=True
    )
    assert done.returncode == 0, done.stderr
    (line,) = (done.stdout + done.stderr).strip().splitlines()
    said = orjson.loads(line)
    assert said["event"] == "worker_stopped_while_starting" and said["signal"] == "SIGTERM"
    assert said["logger"] == "khabar.test"

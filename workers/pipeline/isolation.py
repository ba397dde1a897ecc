"""A stage's pure work in a child process, under a deadline per message.

A stage is CPU-bound Python and regex work: nothing inside the process can stop it mid-article
(a thread given up on keeps burning a core). So a worker hands each message to a child process
and waits for it without blocking its event loop (heartbeats and the other partitions' sends go
on); past `KHABAR_STAGE_TIMEOUT` the child is killed and a new one takes its place, and the
message fails with reason `timeout`. Children are forked from a server that has imported the
stages already, so a replacement only builds its rules. The stage's finishing (stateful) steps
stay in the worker: see `runner.complete`.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import pickle
import signal
import time
from collections import deque
from collections.abc import AsyncGenerator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from workers.ops import processes
from workers.ops.logs import get_logger
from workers.pipeline import runner
from workers.pipeline.table import Stage

log = get_logger("khabar.isolation")

_PRELOADED = ["workers.pipeline.build", "workers.pipeline.runner"]
_RULES = "workers.pipeline.loaded"  # a module whose import loads the rules
IN_FLIGHT = 2  # messages given to a child at once: one it computes, one waiting in the pipe
PIPE_ROOM = 32_768  # bytes a message may have to wait in the pipe (its buffer is 64 KiB or more)
_READY_TIMEOUT = 120.0  # seconds a new child may take to build its stage


class StageTimeoutError(TimeoutError):
    """The stage took longer than KHABAR_STAGE_TIMEOUT on one message; its process was killed."""


class StageProcessDiedError(RuntimeError):
    """The stage's child process ended in the middle of a message (killed, out of memory)."""


def process_context(rules: bool = False) -> multiprocessing.context.ForkServerContext:
    """Children forked from a server that has imported the stages (each only builds its rules),
    or with `rules` loaded them too (`loaded.py`: batch mode's children share them; a worker's
    stage processes load their own, so the worker's memory does not hold a copy in the server)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([*_PRELOADED, _RULES] if rules else _PRELOADED)
    return context


def _serve(conn: Connection, stage: Stage, min_words: int) -> None:
    """The child: build the stage, say so, then compute each message sent until the worker
    closes its end. Signals for the worker (Ctrl-C, SIGTERM to the group) are the worker's to
    act on: it finishes or hands back the message in flight and then closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    processes.keep_heap_small()  # the fork server is a new interpreter: the worker's is not here
    from workers.pipeline.build import build_stages  # preloaded by the fork server, not the worker

    processor = build_stages(min_words=min_words)[stage]
    conn.send(None)
    while True:
        try:
            value, max_input = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_portable(runner.compute(processor, value, max_input)))


def _portable(result: runner.Computed | runner.Failure) -> runner.Computed | runner.Failure:
    """The result as the worker can unpickle it: an exception that cannot make the trip is
    replaced by one that names it."""
    if isinstance(result, runner.Failure):
        try:
            pickle.loads(pickle.dumps(result.error))
        except Exception:
            error = RuntimeError(f"{type(result.error).__name__}: {result.error}")
            return runner.Failure(result.reason, error, result.article_id)
    return result


class IsolatedStage:
    """One stage's pure half (`runner.compute`) in a child process, one message at a time, each
    within `timeout` seconds. After `max_messages` (0: no limit) a child is replaced, as
    gunicorn's `max_requests` does: its caches and its allocator's fragments start afresh, so
    its memory cannot creep over a long run."""

    def __init__(self, stage: Stage, timeout: float, min_words: int, max_messages: int = 0) -> None:
        self.stage = stage
        self.timeout = timeout
        self.min_words = min_words
        self.max_messages = max_messages
        self.turn = asyncio.Lock()  # one message in the child at a time
        self.child: BaseProcess | None = None
        self.conn: Connection | None = None
        self.served = 0  # messages the current child has answered

    async def compute(
        self, value: bytes | None, max_input: int | None = None
    ) -> runner.Computed | runner.Failure:
        """What `runner.compute` gives for the message, or a failure with reason `timeout`
        (the child was killed) or `stage` (the child died)."""
        async with contextlib.aclosing(self.compute_each([value], max_input)) as results:
            async for result in results:
                return result
        raise AssertionError("compute_each yields one result per value")

    async def compute_each(
        self, values: Sequence[bytes | None], max_input: int | None = None
    ) -> AsyncGenerator[runner.Computed | runner.Failure, None]:
        """`compute` of each value in turn, yielded in order. The next value waits in the pipe
        while the child computes one, so the child never idles while the worker finishes and
        sends the result just yielded; each message still has its own deadline, counted from
        when the child took it up."""
        async with self.turn:
            sent: deque[int] = deque()  # values `holder`, the child's pipe, has, unanswered
            following, holder = 0, None
            try:
                while following < len(values) or sent:
                    conn = await self._ready()
                    if conn is not holder:  # a new child: what the last one held goes again
                        following, sent, holder = sent[0] if sent else following, deque(), conn
                    while following < len(values) and len(sent) < IN_FLIGHT:
                        if sent and len(values[following] or b"") > PIPE_ROOM:
                            break  # it would block the event loop until the child reads it
                        conn.send((values[following], max_input))
                        sent.append(following)
                        following += 1
                    index = sent.popleft()
                    yield await self._answer(conn, values[index])
            finally:
                if sent:  # given up on midway: its answers must not be taken for others'
                    self._stop(kill=True)

    async def _answer(
        self, conn: Connection, value: bytes | None
    ) -> runner.Computed | runner.Failure:
        """The child's answer to the message it is on (`value`), within the deadline."""
        started = time.monotonic()
        try:
            await _readable(conn, self.timeout)
            result: runner.Computed | runner.Failure = conn.recv()
            self._count_one()
            return result
        except TimeoutError:
            seconds, pid = time.monotonic() - started, self.child and self.child.pid
            self._stop(kill=True)
            log.warning(
                "stage_timed_out", stage=self.stage.value, seconds=round(seconds, 3), pid=pid
            )
            error = StageTimeoutError(
                f"stopped after {seconds:.1f} s (KHABAR_STAGE_TIMEOUT={self.timeout:g})"
            )
            return runner.Failure("timeout", error, runner.id_in(value))
        except (EOFError, OSError):
            code = self._stop(kill=True)
            log.error("stage_process_died", stage=self.stage.value, exit_code=code)
            died = StageProcessDiedError(f"the stage's process ended (exit code {code})")
            return runner.Failure("stage", died, runner.id_in(value))
        except asyncio.CancelledError:  # its answer must not be taken for the next message's
            self._stop(kill=True)
            raise

    def _count_one(self) -> None:
        self.served += 1
        if self.max_messages and self.served >= self.max_messages:
            log.info("stage_process_recycled", stage=self.stage.value, messages=self.served)
            # Killed, not asked to end: it may have the next message already (it goes again
            # to the new one), and waiting for it would hold up the event loop.
            self._stop(kill=True)

    async def start(self) -> None:
        """Have the child ready (the worker calls this at start, so the first message does not
        wait for it)."""
        async with self.turn:
            await self._ready()

    async def _ready(self) -> Connection:
        if self.child is not None and not self.child.is_alive():  # died between messages
            log.error("stage_process_died", stage=self.stage.value, exit_code=self._stop(False))
        if self.conn is not None:
            return self.conn
        started = time.monotonic()
        context = process_context()
        ours, theirs = context.Pipe()
        child = context.Process(
            target=_serve,
            args=(theirs, self.stage, self.min_words),
            name=f"khabar-{self.stage.value}",
            daemon=True,
        )
        child.start()
        theirs.close()
        self.child, self.conn = child, ours
        try:
            await _readable(ours, _READY_TIMEOUT)
            ours.recv()
        except (TimeoutError, EOFError, OSError) as exc:
            code = self._stop(kill=True)
            failed = f"the {self.stage.value} stage's process did not start (exit code {code})"
            raise RuntimeError(failed) from exc
        log.info(
            "stage_process_started",
            stage=self.stage.value,
            pid=child.pid,
            ms=round((time.monotonic() - started) * 1000, 1),
        )
        return ours

    def close(self) -> None:
        """End the child: its pipe closed, it leaves its loop; killed if it does not at once."""
        self._stop(kill=False)

    def _stop(self, kill: bool) -> int | None:
        child, conn = self.child, self.conn
        self.child, self.conn, self.served = None, None, 0
        if conn is not None:
            conn.close()
        if child is None:
            return None
        if kill:
            child.kill()
        child.join(timeout=5)
        if child.exitcode is None:
            child.kill()
            child.join()
        return child.exitcode


async def _readable(conn: Connection, timeout: float) -> None:
    """Wait, without blocking the event loop, until `conn` has something to read (or is
    closed); TimeoutError after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    readable = loop.create_future()

    def wake() -> None:
        if not readable.done():
            readable.set_result(None)

    fd = conn.fileno()
    loop.add_reader(fd, wake)
    try:
        await asyncio.wait_for(readable, timeout)
    finally:
        loop.remove_reader(fd)

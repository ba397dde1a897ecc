"""A stage is a list of small named steps over one context object, each step a callable that
updates the context (the shape of structlog's processor chain): so a step is one function in
one module, registered in one list, timed on its own and unit-tested alone."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, overload

C = TypeVar("C")
R = TypeVar("R")


@dataclass(frozen=True)
class Step(Generic[C]):
    """One step of a stage: its name (in `pipeline` timings) and what it does to the context."""

    name: str
    run: Callable[[C], None]


@overload
def step(function: Callable[[C], None]) -> Step[C]: ...
@overload
def step(function: Callable[[C, R], None], rules: R) -> Step[C]: ...
def step(function: Callable[..., None], rules: object = None) -> Step[C]:
    """A step named after its function; `rules`, when given, is passed as the second argument
    (rules are loaded once, when the stage is built)."""
    if rules is None:
        return Step(function.__name__, function)
    return Step(function.__name__, lambda context: function(context, rules))


def run_steps(steps: Sequence[Step[C]], context: C, timings: dict[str, float] | None = None) -> C:
    """Pass the context through every step in order; with `timings`, record each step's
    milliseconds in it by name."""
    if timings is None:
        for each in steps:
            each.run(context)
        return context
    clock = time.perf_counter
    for each in steps:
        started = clock()
        each.run(context)
        timings[each.name] = round((clock() - started) * 1000, 3)
    return context

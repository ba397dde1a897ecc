"""Steps: named, run in order over one context, each timed on its own."""

from __future__ import annotations

from workers.stages.steps import Step, run_steps, step


def append_a(context: list[str]) -> None:
    context.append("a")


def append_rule(context: list[str], rules: str) -> None:
    context.append(rules)


def test_a_step_is_named_after_its_function_and_receives_its_rules():
    plain, configured = step(append_a), step(append_rule, "r")
    assert (plain.name, configured.name) == ("append_a", "append_rule")
    assert run_steps([plain, configured, Step("custom", append_a)], []) == ["a", "r", "a"]


def test_each_step_is_timed_by_name():
    timings: dict[str, float] = {}
    run_steps([step(append_a), step(append_rule, "r")], [], timings)
    assert list(timings) == ["append_a", "append_rule"] and all(t >= 0 for t in timings.values())

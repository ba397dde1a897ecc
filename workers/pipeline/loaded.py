"""Imported by batch mode's fork server, so that the rules are loaded once there and every child
forked from it inherits them (`Rules.shared`), instead of each child loading its own."""

from __future__ import annotations

from workers.stages.rules import Rules

Rules.shared()

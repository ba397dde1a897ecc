"""Measurements the project publishes: extraction quality and stage speed, as commands."""

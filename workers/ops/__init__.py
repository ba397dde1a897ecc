"""Operating the workers: structured logs, metrics, and the health signal."""

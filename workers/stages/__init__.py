"""The stages, pure functions of plain data with no Kafka import: shared text knowledge, the
cleanup and extraction steps, near-duplicates, and the rules they are built from."""

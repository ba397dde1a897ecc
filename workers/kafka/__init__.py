"""The Kafka layer: Faust apps and agents that only move bytes, the worker process, the
near-duplicate fingerprint store, topic administration, plain clients, the embedded broker."""

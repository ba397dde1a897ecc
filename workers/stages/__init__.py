"""Pure stage functions: plain dicts in, plain dicts out, no Kafka anywhere below this package."""

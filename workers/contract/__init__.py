"""The contract with producers and consumers: events (schemas, validation, coding), article
ids and keys, dead-letter records, fingerprint records, and the AsyncAPI document. The schemas
themselves are `schemas/` at the top of the repository, shipped inside the wheel."""

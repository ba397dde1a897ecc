"""Near-duplicates: fingerprints of the body, the index of earlier ones, and the step that
marks an article as a copy of an earlier one."""

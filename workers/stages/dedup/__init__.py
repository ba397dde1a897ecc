"""Near-duplicate search: MinHash fingerprints of a body and the LSH index of earlier ones
(the extraction steps that use them are in `stages/extract/duplicates.py`)."""

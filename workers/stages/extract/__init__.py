"""The extraction stage: steps over an `Analysis`, one module per enrichment; `stage.py` lists
them."""

"""The cleanup stage: steps over a `Draft`, one module per kind of noise; `stage.py` lists them."""

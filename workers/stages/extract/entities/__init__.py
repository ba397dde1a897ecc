"""Entities without a model: a lexicon from the gazetteers and name lists, matching rules, and
the finder that applies them (`finder.py`)."""

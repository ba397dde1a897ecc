"""Measurements (`khabar bench`): extraction F1 on the Zyte benchmark beside trafilatura,
entity and date quality on labelled articles, stage speed. Every input is a path the caller
gives: nothing here points into the repository."""

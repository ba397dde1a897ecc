"""Khabar: a streaming ingestion worker that cleans and enriches scraped news articles."""

__version__ = "0.1.0"

"""Whole HTML pages: what the markup says best (embedded posts, read-also boxes, a body split
by ads), then the main text and metadata by trafilatura, from one parse of the page."""

"""Shared text knowledge, each fact once: scripts, words, sentences, month names, social
patterns, display normalisation and matching keys. Both stages build their rules from these."""

"""Credentials: completion rules, stacking into a diploma, signed documents, verification."""

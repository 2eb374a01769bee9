"""opmaat: tailored vocational training in Dutch care and welfare."""

__version__ = "0.1.0"

"""The framework-free core of opmaat: plain typed Python that Django, the API and the CLI call.

Nothing in this package imports Django or any other part of opmaat.
"""

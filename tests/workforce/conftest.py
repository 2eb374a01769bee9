from tests.workforce.cast import workforce

__all__ = ["workforce"]

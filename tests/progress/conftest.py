from tests.credentials.conftest import LAST_OUTCOME, sanne, sanne_done, user

__all__ = ["LAST_OUTCOME", "sanne", "sanne_done", "user"]

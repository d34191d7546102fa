import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from hqd.web.app import create_app


@pytest.fixture()
def client(seeded_db):
    return TestClient(create_app(seeded_db))

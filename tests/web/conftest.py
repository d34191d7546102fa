import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from hqd.web.app import create_app


# What a browser sends: page errors come back as the HTML error page (other clients get the JSON error)
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture()
def client(seeded_db):
    return TestClient(create_app(seeded_db), headers={"Accept": BROWSER_ACCEPT})

"""Shared fixtures: a real index built from the hand-made corpus in `fixtures.py`."""
from __future__ import annotations

import pytest

import fixtures
from search.index import build_index


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("index")
    build_index(path, fixtures.corpus())
    return path


@pytest.fixture
def app(index_dir):
    from web.app import create_app

    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()

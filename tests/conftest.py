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

    # The public address absolute links (permalinks, citations) name; never the request's Host.
    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True, "BASE_URL": "http://localhost"})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def seeds_index_dir(tmp_path_factory):
    """A real index of the five seed articles, through the real extractor (whose output
    changes as extraction improves: tests over it check properties, not exact quotes)."""
    from pathlib import Path

    from search.pipeline import extract_paths

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    items = [x for x in extract_paths([seeds]) if isinstance(x, tuple)]
    path = tmp_path_factory.mktemp("seeds-index")
    build_index(path, items)
    return path

from __future__ import annotations

from pathlib import Path

import pytest

from hqd.settings import DEV_ZH

REPO = Path(__file__).resolve().parents[4]


def dev_zh_dir() -> Path:
    """The Chinese development set: the HQD_DEV_ZH setting, by default ../shared/dev-zh beside the repo."""
    path = Path(DEV_ZH.value())
    return path if path.is_absolute() else (REPO / path).resolve()


@pytest.fixture(scope="session")
def dev_zh() -> Path:
    path = dev_zh_dir()
    if not any(path.glob("*.gold.json")):
        pytest.skip(f"no Chinese development set in {path}: set HQD_DEV_ZH to the folder holding it")
    return path

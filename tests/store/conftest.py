import shutil
from pathlib import Path

import pytest



def make_corpus(folder: Path, seed_texts: list[Path], count: int) -> list[Path]:
    """``count`` distinct briefings built from the seeds (a numbered line makes each hash differ)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text("utf-8") for p in seed_texts]
    paths = []
    for i in range(count):
        path = folder / f"doc_{i:04d}.txt"
        path.write_text(texts[i % len(texts)] + f"\n\nCopy number {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture()
def copy_seeds(tmp_path, seed_texts):
    def _copy(name="in"):
        target = tmp_path / name
        target.mkdir()
        for p in seed_texts:
            shutil.copy(p, target / p.name)
        return target
    return _copy

"""hqd: grounded figures, targets and entities from High-Quality Development briefings.

Pipeline, one direction: sources -> documents -> extraction -> facts -> store -> analysis -> cli.
"""

__version__ = "2.0.0"  # the same as [project] version in pyproject.toml (a test holds them equal)

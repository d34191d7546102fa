"""hqd: grounded figures, targets and entities from High-Quality Development briefings.

Pipeline, one direction: sources -> documents -> extraction -> facts -> store -> analysis -> cli.
"""

__version__ = "0.1.0"

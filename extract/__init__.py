"""recap-extract: source-grounded talks, launches and credits from conference recaps."""

__version__ = "0.1.0"

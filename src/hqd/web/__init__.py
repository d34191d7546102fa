"""REST API and dashboard over the store and the analysis functions."""

"""The suites of bench/accuracy.py, one module each; `common` holds what they share."""

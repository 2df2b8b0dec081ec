"""`python -m newsevents` runs the command line."""

from newsevents.cli.main import run

run()

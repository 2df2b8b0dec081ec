"""One module per `newsevents` command; each is registered in `newsevents.cli.main`."""

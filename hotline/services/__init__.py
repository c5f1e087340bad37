"""The service layer: the use cases every entrypoint calls (API, CLI, bot, importer, jobs)."""

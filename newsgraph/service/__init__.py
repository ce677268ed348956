"""The use cases the CLI and the web view call: ingest with its report, export. Only the CLI prints."""

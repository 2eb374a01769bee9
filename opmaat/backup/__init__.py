"""Back up and restore an installation (docs/backup.md)."""

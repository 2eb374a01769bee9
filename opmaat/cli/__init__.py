"""The `opmaat` command line: one command, subcommands per question (docs/cli.md)."""

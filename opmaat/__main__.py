from opmaat.cli.main import run

run()

"""`opmaat init` and `opmaat serve`: prepare the database and run the web app."""

from __future__ import annotations

from typing import Annotated

import typer

from opmaat.cli import django_setup
from opmaat.cli.output import err, out


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("serve")(serve)


def init(
    demo: Annotated[bool, typer.Option("--demo", help="Voeg ook de demo-accounts toe.")] = False,
) -> None:
    """Maak of migreer de database en lees de standaardcatalogus in (veilig om te herhalen)."""
    from opmaat import env

    if env.database_url() is None:
        env.ensure_home()
    django_setup.setup()
    from django.core.management import call_command

    from opmaat.catalog import services
    from opmaat.catalog.files import default_catalog_path, read_catalog

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    out(f"Database: {django_setup.database_location()}")
    shipped = read_catalog(default_catalog_path())
    if not services.catalog_is_loaded():
        out(f"Catalog: default catalog loaded ({services.do_load_catalog(shipped)})")
    elif (version := services.default_catalog_update(shipped)) is not None:
        report = services.do_load_catalog(shipped)
        out(f"Catalog: the default catalog was updated to {version} ({report})")
    else:
        out("Catalog: already loaded (reload with `opmaat catalog load`)")
    if demo:
        from opmaat.demo import do_load_demo

        for login in do_load_demo():
            out(f"Demo login: {login.username} / {login.password} ({login.role})")


def serve(
    host: Annotated[str, typer.Option(help="Adres om op te luisteren.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Poort om op te luisteren.")] = 8000,
    workers: Annotated[int, typer.Option(help="Aantal gunicorn-werkprocessen.")] = 2,
) -> None:
    """Start de webapp met gunicorn (de database moet klaargezet zijn met `opmaat init`)."""
    if not django_setup.has_catalog():
        err("opmaat: de database is nog niet klaar; eerst wordt `opmaat init` uitgevoerd")
        init(demo=False)
    django_setup.setup()
    from opmaat.demo import demo_logins_present

    shown = "localhost" if host in {"127.0.0.1", "0.0.0.0"} else host
    out(f"opmaat runs at http://{shown}:{port}/  (admin: http://{shown}:{port}/admin/)")
    for login in demo_logins_present():
        out(f"Demo login: {login.username} / {login.password} ({login.role})")
    out("Stop with Ctrl+C.")
    # The checks above opened a database connection; forked workers must not share it.
    from django.db import connections

    connections.close_all()
    _run_gunicorn(f"{host}:{port}", workers)


def _run_gunicorn(bind: str, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    from opmaat.wsgi import application

    class Server(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
        def load_config(self) -> None:
            self.cfg.set("bind", bind)
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", "-")
            self.cfg.set("logger_class", "opmaat.cli.access_log.RedactingLogger")

        def load(self) -> object:
            return application

    Server().run()

"""The one settings module, fed by the environment (see README, "Configuration")."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext

from opmaat import env

# Lets admin classes be written with type parameters (ModelAdmin[Model]).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
HOME = env.ensure_home()  # created 0700 when missing

DEBUG = env.envbool("OPMAAT_DEBUG", False)
SECRET_KEY = env.secret_key()
ALLOWED_HOSTS = env.envlist("OPMAAT_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env.envlist("OPMAAT_CSRF_TRUSTED_ORIGINS", "")
# A local run (debug, or loopback host names only) takes the public address for new
# certificates from the request when OPMAAT_PUBLIC_URL is unset; elsewhere it must be set.
OPMAAT_LOCAL_SITE = env.local_site(DEBUG, ALLOWED_HOSTS)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "ninja",
    "opmaat.catalog",
    "opmaat.accounts",
    "opmaat.learners",
    "opmaat.matching",
    "opmaat.recognition",
    "opmaat.prescan",
    "opmaat.progress",
    "opmaat.credentials",
    "opmaat.workforce",
    "opmaat.forecasting",
    "opmaat.ui",
    "opmaat.web",
]

# What each app keeps about a learner outside the learners app, in the order of the
# learner's download: its export and its erasure (opmaat.learners.sections).
OPMAAT_PRIVACY_SECTIONS = [
    "opmaat.recognition.privacy.SECTION",
    "opmaat.prescan.privacy.SECTION",
    "opmaat.progress.privacy.SECTION",
    "opmaat.credentials.privacy.SECTION",
    "opmaat.workforce.privacy.SECTION",
    # Last: erasing it deletes the login account, after the others used it.
    "opmaat.learners.account.SECTION",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # No copy of a signed-in user's answers in any cache (opmaat/web/security.py).
    "opmaat.web.security.PrivateResponsesMiddleware",
    # Scripts and styles only from opmaat's own files (OPMAAT_CONTENT_SECURITY_POLICY).
    "opmaat.web.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "opmaat.web.language.ChosenLanguageMiddleware",
    # Before anything reads a body (CSRF reads the form): too large is refused unread.
    "opmaat.web.limits.RequestSizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opmaat.urls"
WSGI_APPLICATION = "opmaat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "opmaat.web.context.navigation",
            ],
            # Dates and amounts worded once, in every template (opmaat/ui/templatetags).
            "builtins": ["opmaat.ui.templatetags.wording"],
        },
    },
]


# The embedded SQLite file, set up for a web server with several workers: write-ahead
# logging (readers never wait for the writer), writers that wait up to 20 s for the lock
# rather than fail, and transactions that take the write lock when they begin, so that two
# transactions never both read and then both try to write (SQLite would refuse one at once,
# whatever the timeout).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def _database() -> dict[str, object]:
    url = env.database_url()
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60))
    return {
        "ENGINE": "opmaat.sqlite",  # Django's, creating the file 0600 (opmaat/sqlite/base.py)
        "NAME": env.sqlite_path(),
        "OPTIONS": SQLITE_OPTIONS,
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "opmaat.accounts.passwords.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Login rate limiting (django-axes): after 5 failures for a username from one address, that
# pair waits 15 minutes. Failures are stored in the database, so all workers share them.
AXES_FAILURE_LIMIT = env.envint("OPMAAT_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# What one client (a signed-in user, else an address) may ask of the public route
# computation and of the pre-scan (API and page), each, in a window (opmaat.ui.throttle);
# 0 switches it off. Counted in the default cache: per worker process unless CACHES is shared.
PUBLIC_RATE_LIMIT = env.envint("OPMAAT_PUBLIC_RATE_LIMIT", 30)
PUBLIC_RATE_WINDOW = 60  # seconds

# Password-reset and invitation mails, sent after the answer (opmaat/accounts/mail.py). Without
# an SMTP server nothing is sent and the log says which mail to whom, never its content (a
# reset link logs its reader in); OPMAAT_EMAIL_CONSOLE prints whole mails (development).
EMAIL_HOST = env.envstr("OPMAAT_EMAIL_HOST", "")
EMAIL_PORT = env.envint("OPMAAT_EMAIL_PORT", 587)
EMAIL_HOST_USER = env.envstr("OPMAAT_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env.envstr("OPMAAT_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = True
EMAIL_TIMEOUT = 30
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
elif env.envbool("OPMAAT_EMAIL_CONSOLE", False):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "opmaat.accounts.mail.LogOnlyBackend"
DEFAULT_FROM_EMAIL = env.envstr("OPMAAT_EMAIL_FROM", "opmaat <noreply@localhost>")
SESSION_COOKIE_AGE = 8 * 3600  # a working day

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = HOME / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve straight from the app folders too, so `opmaat serve` works before collectstatic.
WHITENOISE_USE_FINDERS = True

# Behind HTTPS in production set OPMAAT_SECURE_COOKIES, OPMAAT_SSL_REDIRECT, OPMAAT_HSTS (with
# OPMAAT_HSTS_SUBDOMAINS and OPMAAT_HSTS_PRELOAD) and, behind a reverse proxy, OPMAAT_TRUST_PROXY;
# `check --deploy` then warns of nothing (tests/test_settings.py).
SESSION_COOKIE_SECURE = env.envbool("OPMAAT_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every HTML page (opmaat/web/security.py): no inline script or style, nothing from elsewhere.
# Images may be data: URIs (the API's documentation page draws its icons so).
OPMAAT_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURE_SSL_REDIRECT = env.envbool("OPMAAT_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = 31536000 if env.envbool("OPMAAT_HSTS", False) else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.envbool("OPMAAT_HSTS_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env.envbool("OPMAAT_HSTS_PRELOAD", False)
# Only behind a reverse proxy that sets X-Forwarded-Proto itself (replacing what the client
# sent) may that header say the request came over HTTPS; otherwise anyone could send it.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.envbool("OPMAAT_TRUST_PROXY", False) else None
)

# EVC portfolio files: outside the web root under generated names, served only through a
# view that checks who may see them (opmaat.recognition.uploads).
UPLOAD_DIR = Path(env.envstr("OPMAAT_UPLOAD_DIR", "") or HOME / "uploads")
UPLOAD_MAX_BYTES = env.envint("OPMAAT_UPLOAD_MAX_MB", 10) * 1024 * 1024

SERIALIZATION_MODULES = {"exactjson": "opmaat.backup.fixture"}  # backups, to the microsecond

# Which learner records were erased when (no personal data): restoring an older backup
# erases them again (opmaat.backup.ledger). Keep it off the disk the backups go to.
ERASURE_LEDGER = Path(env.envstr("OPMAAT_ERASURE_LEDGER", "") or HOME / "erasure-ledger.jsonl")

# A request body without files (a form, a JSON document) is at most 1 MiB: the largest one
# anyone needs, a credential to verify, is a few kB. Longer bodies are refused unread (413
# in the API); each field is bounded by its form or schema as well (docs/api.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
# Any request body, files included, is at most the largest file taken (a portfolio file, or
# a stagematching file of 20 MiB: opmaat.matching.services.MAX_FILE_BYTES) and 1 MiB for the
# rest of the form; a longer one is refused before it is read (opmaat.web.limits, 413).
REQUEST_MAX_BYTES = max(UPLOAD_MAX_BYTES, 20 * 1024 * 1024) + 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Which mail went to whom (opmaat/accounts/mail.py), never its content.
    "loggers": {"opmaat.mail": {"level": "INFO"}},
}

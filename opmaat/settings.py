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
HOME = env.opmaat_home()

DEBUG = env.envbool("OPMAAT_DEBUG", False)
SECRET_KEY = env.secret_key()
ALLOWED_HOSTS = env.envlist("OPMAAT_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env.envlist("OPMAAT_CSRF_TRUSTED_ORIGINS", "")

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
    # Last: erasing it deletes the login account, after the others used it.
    "opmaat.learners.account.SECTION",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "opmaat.web.language.ChosenLanguageMiddleware",
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
        },
    },
]


def _database() -> dict[str, object]:
    url = env.database_url()
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60))
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": env.sqlite_path()}


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

# Password reset mails: printed on the console unless an SMTP server is configured.
EMAIL_HOST = env.envstr("OPMAAT_EMAIL_HOST", "")
EMAIL_PORT = env.envint("OPMAAT_EMAIL_PORT", 587)
EMAIL_HOST_USER = env.envstr("OPMAAT_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env.envstr("OPMAAT_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = True
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
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

# Behind HTTPS in production set OPMAAT_SECURE_COOKIES, OPMAAT_SSL_REDIRECT and OPMAAT_HSTS.
SESSION_COOKIE_SECURE = env.envbool("OPMAAT_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.envbool("OPMAAT_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = 31536000 if env.envbool("OPMAAT_HSTS", False) else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# EVC portfolio files: outside the web root under generated names, served only through a
# view that checks who may see them (opmaat.recognition.uploads).
UPLOAD_DIR = Path(env.envstr("OPMAAT_UPLOAD_DIR", "") or HOME / "uploads")
UPLOAD_MAX_BYTES = env.envint("OPMAAT_UPLOAD_MAX_MB", 10) * 1024 * 1024

SERIALIZATION_MODULES = {"exactjson": "opmaat.backup.fixture"}  # backups, to the microsecond

# Which learner records were erased when (no personal data): restoring an older backup
# erases them again (opmaat.backup.ledger). Keep it off the disk the backups go to.
ERASURE_LEDGER = Path(env.envstr("OPMAAT_ERASURE_LEDGER", "") or HOME / "erasure-ledger.jsonl")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

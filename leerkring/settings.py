"""Leerkring settings, read from environment variables.

SQLite is the default so that a newcomer needs nothing else; set DATABASE_URL for PostgreSQL.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# DJANGO_ENV=production switches on HTTPS hardening and refuses to start without a SECRET_KEY.
PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", False) and not PRODUCTION
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set when DJANGO_ENV=production.")
    # Development only; `check --deploy` flags this key on purpose.
    SECRET_KEY = "django-insecure-leerkring-development-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# Leerkring's apps come first so that their translations win over Django's own.
PROJECT_APPS = [
    "core",
    "accounts",
    "organisations",
    "surveys",
    "communities",
    "networks",
    "teams",
    "competences",
    "valuestreams",
    # After the apps whose development points it receives.
    "development",
    "vision",
    "growth",
    "consultation",
    "dashboard",
    # Sessions, personal data export and erasure: after every app whose data it gathers.
    "privacy",
]
INSTALLED_APPS = [
    *PROJECT_APPS,
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.microsoft",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "simple_history",
    # Last, so that a project template (core/templates/django/forms/…) overrides Django's own.
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who saved a version of a plan (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "privacy.middleware.SessionActivityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.two_step.TwoStepRequiredMiddleware",
]

ROOT_URLCONF = "leerkring.urls"
WSGI_APPLICATION = "leerkring.wsgi.application"

# Form widgets render through the project's templates: core overrides the select, whose stock
# template includes a template for every option.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "core.context_processors.navigation",
            ],
        },
    },
]

# Persistent connections (one per web process or thread, kept DATABASE_CONN_MAX_AGE seconds)
# rather than psycopg's pool: gunicorn's sync workers serve one request at a time, so a pool
# has nothing to share and only adds a checkout and a return to every request. Under the load
# test (bench/load/README.md) the web processes used more CPU per request with the pool in
# each pair of runs (23.4 vs 19.3 ms, 19.0 vs 17.3 ms) and served fewer survey completions.
# DATABASE_POOL=1 switches to the pool, for threaded workers or a small max_connections.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: Leerkring's pages run short queries, and PostgreSQL compiles any
    # query whose estimated cost passes jit_above_cost. The edition overview's sessions query
    # (0.5 ms of work) spent 19 ms compiling on every view under the load test.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_POOL", False
):
    # psycopg's pool in each process instead (pooling forbids CONN_MAX_AGE).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "4")),
        "timeout": 10,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets pages read while another request writes, and a commit syncs
    # one file instead of creating, syncing and deleting a journal. The default
    # synchronous=FULL stays: a commit that returned survives a power cut.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
# How long the links in mails stay valid: a reset link three days (Django's default), an
# invitation two weeks, since a new colleague may first read it after a holiday.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
INVITATION_TIMEOUT = 60 * 60 * 24 * 14

# Login throttling: five failures for one account from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Sign-in goes through Leerkring's own login page (accounts.views.LoginView); allauth adds
# single sign-on and two-step login behind it. Nobody signs up: accounts are imported or invited.
ACCOUNT_ADAPTER = "accounts.sso.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
SOCIALACCOUNT_ADAPTER = "accounts.sso.SocialAccountAdapter"
# A school account is matched to the imported person by verified e-mail address.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_PROVIDERS = {}
# Microsoft Entra ID: an app registration of the school's own tenant.
if os.environ.get("SSO_MICROSOFT_CLIENT_ID"):
    SOCIALACCOUNT_PROVIDERS["microsoft"] = {
        "APPS": [
            {
                "client_id": os.environ["SSO_MICROSOFT_CLIENT_ID"],
                "secret": os.environ.get("SSO_MICROSOFT_SECRET", ""),
                "settings": {"tenant": os.environ.get("SSO_MICROSOFT_TENANT", "organizations")},
            }
        ]
    }
# Google Workspace; SSO_GOOGLE_DOMAIN limits the account chooser to the school's domain.
if os.environ.get("SSO_GOOGLE_CLIENT_ID"):
    SOCIALACCOUNT_PROVIDERS["google"] = {
        "APPS": [
            {
                "client_id": os.environ["SSO_GOOGLE_CLIENT_ID"],
                "secret": os.environ.get("SSO_GOOGLE_SECRET", ""),
            }
        ],
        "SCOPE": ["openid", "profile", "email"],
        "AUTH_PARAMS": (
            {"hd": os.environ["SSO_GOOGLE_DOMAIN"]} if os.environ.get("SSO_GOOGLE_DOMAIN") else {}
        ),
    }
# Any other OpenID Connect provider (Keycloak, Smartschool through a broker, ...).
if os.environ.get("SSO_OIDC_SERVER_URL"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": os.environ.get("SSO_OIDC_ID", "school"),
                "name": os.environ.get("SSO_OIDC_NAME", "school account"),
                "client_id": os.environ.get("SSO_OIDC_CLIENT_ID", ""),
                "secret": os.environ.get("SSO_OIDC_SECRET", ""),
                "settings": {"server_url": os.environ["SSO_OIDC_SERVER_URL"]},
            }
        ]
    }
# Two-step login with an authenticator app, recovery codes as the fallback.
MFA_ADAPTER = "accounts.two_step.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Leerkring"
# A code of the previous or next half minute is accepted too: phone clocks drift.
MFA_TOTP_TOLERANCE = 1
# Administrators (superusers and organisation administrators) always need a second step;
# a deployment can require it of school leaders too.
TWO_STEP_REQUIRED_FOR_ADMINISTRATORS = True
TWO_STEP_REQUIRED_FOR_LEADERS = env_bool("TWO_STEP_REQUIRED_FOR_LEADERS", False)

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# How long after a survey's last round closed its token links, invitee addresses and
# pseudonymous pairing keys are kept (surveys/retention.py, docs/privacy.md).
SURVEY_RETENTION_MONTHS = int(os.environ.get("SURVEY_RETENTION_MONTHS", "12"))
# Where `manage.py backup` writes its time-stamped archives (docs/deployment.md).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("LEERKRING_PLAIN_STATIC", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads larger than this are refused by the forms with a clear message.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Absolute links in mails sent outside a request (e.g. manage.py networks_offer_places).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Leerkring <noreply@leerkring.be>")

# One task interface for background work; a deployment switches backend by setting TASK_BACKEND.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
    # Sessions are read from the shared cache and written through to the database, so that
    # every web process knows a login and a restarted Redis signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

SESSION_COOKIE_HTTPONLY = True
# A session ends after this many seconds without a request (privacy/sessions.py; 0 = never),
# and in any case SESSION_COOKIE_AGE (two weeks) after sign-in. Thirty minutes: the people who
# sign in see appraisals and private journals, often on shared staff-room computers.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(30 * 60)))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Pages never show more rows than this; the rest is paginated.
PAGE_SIZE = 50

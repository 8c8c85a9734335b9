"""Rapport settings. Every value comes from the environment; see README "Configuration".

With DJANGO_DEBUG unset the server runs as production: it refuses to start without
DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS and turns on every HTTPS protection.
"""

from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONE, SELF

from rapport.lib.env import env_bool, env_dates, env_int, env_list, env_str

django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)

if DEBUG:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
else:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off")

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "simple_history",
    "rapport",
    "accounts",
    "audit",
    "people",
    "circles",
    "changes",
    "chronology",
    "commitments",
    "consent",
    "contact_page",
    "feedback",
    "interactions",
    "meetings",
    "myday",
    "overview",
    "person_page",
    "recognition",
    "reminders",
    "share_packs",
    "signposting",
    "django_tasks",
    "django_tasks_db",
]

# Two queues, each with its own worker: a check of the whole audit trail takes minutes at a
# large service, and the morning digest must not wait behind it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "audit"]}}

MIDDLEWARE = [
    "rapport.middleware.refuse_undecodable_input",
    "django.middleware.security.SecurityMiddleware",
    # Pages compressed (Django adds random padding against BREACH); static files are
    # served precompressed by whitenoise.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "rapport.middleware.user_in_hand",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "rapport.middleware.sign_out_when_idle",
    "accounts.middleware.second_step_first",
    "rapport.middleware.keep_personal_pages_out_of_caches",
    "rapport.submissions.once_per_submission",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rapport.urls"
WSGI_APPLICATION = "rapport.wsgi.application"

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
                "csp.context_processors.nonce",
                "rapport.context.section",
            ],
            # after Django's own: {% url %} remembering its addresses, |date writing the house formats
            "builtins": [
                "template_partials.templatetags.partials",
                "rapport.lib.url_tag",
                "rapport.lib.date_filter",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 300),  # prepared statements live as long
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while someone saves; IMMEDIATE avoids "database is locked"
    # when two writers start a transaction at once. A connection is kept between requests,
    # as on PostgreSQL: SQLite's page cache lives in the connection, so a new one each
    # request read every page of its indexes afresh. Each connection caches 16 MB of pages.
    # The file is also memory-mapped (up to 2 GB, SQLite's own ceiling): a page beyond that
    # cache is then read straight from the system's file cache, which every worker shares,
    # instead of copied in afresh by each. At 20,000 people a leader's overview reads more
    # than 16 MB: its database time was 35 ms without and 25 ms with (the same at 1,000).
    # rapport.sqlite: Django's backend, refreshing the planner's statistics as a connection
    # closes (SQLite gathers them only when asked).
    DATABASES["default"]["ENGINE"] = "rapport.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16000;"
            " PRAGMA temp_store=MEMORY; PRAGMA mmap_size=2147483648;"
        ),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Rapport asks many small questions, each answered from an index in a few milliseconds.
    # PostgreSQL's JIT compiler and parallel workers are for long reports: on these queries
    # they cost more to start (tens of ms, measured by `make bench`) than they save.
    quick_answers = "-c jit=off -c max_parallel_workers_per_gather=0"
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = quick_answers
    if env_bool("DATABASE_PREPARED_STATEMENTS", True):
        # A page's queries join five to ten tables: PostgreSQL spent 1.5 to 2 ms planning
        # each and a tenth of that running it. Values sent apart from the statement
        # (server-side binding) let psycopg prepare a statement the second time a
        # connection sees it; PostgreSQL then keeps a plan that does not depend on the
        # values once it has seen it is as good (plan_cache_mode=auto, measured: forcing
        # that plan made a leader's My day slower). Off behind a pooler that cannot keep
        # prepared statements (README, "More than one machine").
        DATABASES["default"]["OPTIONS"].update(server_side_binding=True, prepare_threshold=2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.signed_in.StaffBackend",  # Django's ModelBackend, reading the user once compiled
]
SESSION_ENGINE = "accounts.signed_in"  # Django's database sessions, read the same way
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.GuessablePatternValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lock-out after repeated failed log-ins, per username from one address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# How many trusted reverse proxies stand in front of the app (audit and lock-out use
# the client address they forward).
RAPPORT_PROXY_COUNT = env_int("RAPPORT_PROXY_COUNT", 0)
# Lock-out reads the client address exactly as the audit trail does (the proxies' own
# address would otherwise lock a user out for everyone).
AXES_CLIENT_IP_CALLABLE = "rapport.lib.client_address.client_ip"
# Every failure is kept (with its address) so that password spraying — a few guesses at
# many accounts from one address — is slowed as well (accounts/lockout.py).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
RAPPORT_ADDRESS_FAILURE_LIMIT = env_int("RAPPORT_ADDRESS_FAILURE_LIMIT", 20)

# Two-step verification (accounts/mfa.py): on by default in production, off for `make run`.
RAPPORT_MFA = env_bool("RAPPORT_MFA", not DEBUG)
OTP_TOTP_ISSUER = env_str("RAPPORT_MFA_ISSUER", "Rapport")

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)  # one shift at most
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# A shared device left signed in closes after this many idle minutes (rapport/middleware.py).
RAPPORT_IDLE_MINUTES = env_int("RAPPORT_IDLE_MINUTES", 30)
# A form sent again unchanged within this many minutes is not saved twice (rapport/submissions.py).
RAPPORT_REPEAT_WINDOW_MINUTES = env_int("RAPPORT_REPEAT_WINDOW_MINUTES", 10)
# Flash messages name people: keep them in the server-side session, not in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# Rapport is written in British English and translates nothing, so Django's translation
# machinery is off, as Django's documentation suggests for speed. On, every number or date a
# template writes and every message Django shows asks which language is active, a look-up in
# per-request storage that fails (none is ever activated) and costs tens of microseconds:
# 50 to 90 of them a page. Dates and numbers still follow the en-GB formats (4 Sep 1984,
# day/month/year input): Django reads them from LANGUAGE_CODE. Turn it on again with the
# first translation (and LocaleMiddleware), e.g. for Welsh in the portal.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Rapport <rapport@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# HTTPS protections: on in production, off for the local development server.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Working-day clocks (complaints, requests): which UK nation's bank holidays apply
# (ENG, WLS, SCT or NIR), plus any other days the service is closed (YYYY-MM-DD, comma-separated).
RAPPORT_HOLIDAY_REGION = env_str("RAPPORT_HOLIDAY_REGION", "ENG")
RAPPORT_EXTRA_CLOSED_DAYS = env_dates("RAPPORT_EXTRA_CLOSED_DAYS")
# Working days to acknowledge and to answer a complaint, and to answer a concern.
RAPPORT_COMPLAINT_ACKNOWLEDGE_DAYS = env_int("RAPPORT_COMPLAINT_ACKNOWLEDGE_DAYS", 3)
RAPPORT_COMPLAINT_RESPOND_DAYS = env_int("RAPPORT_COMPLAINT_RESPOND_DAYS", 20)
RAPPORT_CONCERN_RESPOND_DAYS = env_int("RAPPORT_CONCERN_RESPOND_DAYS", 10)

# The address staff use to reach Rapport, for links in emails and calendar entries.
RAPPORT_SITE_URL = env_str("RAPPORT_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# How many rows a list page shows at once.
PAGE_SIZE = env_int("RAPPORT_PAGE_SIZE", 25)

# Our own field template (label, help and errors tied to the input for screen readers);
# lists of choices written out directly, exactly as the templates draw them.
FORM_RENDERER = "rapport.lib.form_renderer.Renderer"

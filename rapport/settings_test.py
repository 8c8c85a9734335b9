"""Settings for the test suite: production settings with test-only secrets and fast hashing."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-" + "x" * 40)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

from rapport.settings import *  # noqa: F403
from rapport.settings import STORAGES, TASKS

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each task runs as it is queued, on the same queues as in production.
TASKS = {"default": {**TASKS["default"], "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Most tests sign in without the second step; the MFA tests switch it on.
RAPPORT_MFA = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# rapport.lib.statements: every run also compiles its query afresh and compares the SQL, so
# the whole suite checks that no statement's shape depends on who or what ran it first.
RAPPORT_CHECK_STATEMENTS = True
if DATABASES["default"]["ENGINE"] == "rapport.sqlite":
    # In memory, as Django's own SQLite backend is tested. Said outright because pytest-django
    # recognises only Django's backend by name, and would otherwise give each parallel worker
    # a file named after the development database.
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}

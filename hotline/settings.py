"""Settings from environment variables and an optional TOML config file.

Precedence: environment variables (``HOTLINE_*``) > the config file (``HOTLINE_CONFIG`` or
``--config``) > built-in defaults. With nothing set, the embedded default: SQLite in the data
directory and an in-process queue.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

DEFAULT_DATA_DIR = Path.home() / ".local" / "share" / "hotline"


class SettingsError(ValueError):
    """A setting has a value the system cannot use."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str = ""          # empty: sqlite:///<data_dir>/hotline.sqlite3
    database_replica_url: str = ""  # a PostgreSQL streaming replica for figures, reports, exports (hotline.db.Reads)
    redis_url: str = ""             # empty: the in-process queue
    rules_file: str = ""            # empty: the packaged defaults (hotline/rules.toml)
    routing_file: str = ""          # empty: the demo city's routing table
    timezone: str = "Asia/Shanghai"
    host: str = "127.0.0.1"
    port: int = 8080
    secret_key: str = ""            # empty: generated once and kept in the data directory
    sweep_interval: int = 60        # seconds between deadline sweeps
    db_connect_timeout: int = 5     # seconds to open a database connection
    db_statement_timeout: int = 20  # seconds a statement may run (PostgreSQL statement_timeout)
    db_pool_timeout: int = 10       # seconds to wait for a free pooled connection
    redis_timeout: int = 5          # seconds for a Redis command or connection on the web side
    request_timeout: int = 30       # seconds a web request may wait for the database before a 503
    log_level: str = "INFO"
    # months of monthly partitions kept on PostgreSQL (models/partitions.py); 0: keep everything
    retention_audit_months: int = 0      # the audit trail: legal record, kept unless the city decides
    retention_notices_months: int = 0    # notices to units (预警, 催办, …)
    retention_messages_months: int = 0   # messages to citizens and their delivery record
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def embedded(self) -> bool:
        return not self.redis_url

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return normalise_database_url(self.database_url)
        return f"sqlite:///{self.data_dir / 'hotline.sqlite3'}"

    @property
    def effective_replica_url(self) -> str:
        return normalise_database_url(self.database_replica_url) if self.database_replica_url else ""

    @property
    def retention(self) -> dict[str, int]:
        """Months kept per partitioned table (0: all)."""
        from models.partitions import RETENTION_SETTING

        return {table: getattr(self, name) for table, name in RETENTION_SETTING.items()}

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    def ensure_dirs(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)


def normalise_database_url(url: str) -> str:
    """Accept ``postgres://`` and ``postgresql://`` and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


_ENV = {
    "data_dir": "HOTLINE_DATA_DIR",
    "database_url": "HOTLINE_DATABASE_URL",
    "database_replica_url": "HOTLINE_DATABASE_REPLICA_URL",
    "redis_url": "HOTLINE_REDIS_URL",
    "rules_file": "HOTLINE_RULES_FILE",
    "routing_file": "HOTLINE_ROUTING_FILE",
    "timezone": "HOTLINE_TIMEZONE",
    "host": "HOTLINE_HOST",
    "port": "HOTLINE_PORT",
    "secret_key": "HOTLINE_SECRET_KEY",
    "sweep_interval": "HOTLINE_SWEEP_INTERVAL",
    "db_connect_timeout": "HOTLINE_DB_CONNECT_TIMEOUT",
    "db_statement_timeout": "HOTLINE_DB_STATEMENT_TIMEOUT",
    "db_pool_timeout": "HOTLINE_DB_POOL_TIMEOUT",
    "redis_timeout": "HOTLINE_REDIS_TIMEOUT",
    "request_timeout": "HOTLINE_REQUEST_TIMEOUT",
    "log_level": "HOTLINE_LOG_LEVEL",
    "retention_audit_months": "HOTLINE_RETENTION_AUDIT_MONTHS",
    "retention_notices_months": "HOTLINE_RETENTION_NOTICES_MONTHS",
    "retention_messages_months": "HOTLINE_RETENTION_MESSAGES_MONTHS",
}


_INTEGERS = ("port", "sweep_interval", "db_connect_timeout", "db_statement_timeout", "db_pool_timeout",
             "redis_timeout", "request_timeout")
_MONTHS = ("retention_audit_months", "retention_notices_months", "retention_messages_months")  # 0 allowed


def _coerce(name: str, raw: Any) -> Any:
    if name == "data_dir":
        return Path(str(raw)).expanduser()
    if name in _INTEGERS:
        try:
            value = int(raw)
        except (TypeError, ValueError):
            raise SettingsError(f"{name} must be an integer, got {raw!r}") from None
        if value <= 0:
            raise SettingsError(f"{name} must be positive, got {value}")
        return value
    if name in _MONTHS:
        try:
            months = int(raw)
        except (TypeError, ValueError):
            raise SettingsError(f"{name} must be a whole number of months, got {raw!r}") from None
        if months < 0:
            raise SettingsError(f"{name} must be 0 (keep everything) or a number of months, got {months}")
        return months
    return str(raw)


def load_settings(config_file: str | os.PathLike[str] | None = None,
                  environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_file or env.get("HOTLINE_CONFIG")
    known = {f.name for f in fields(Settings)} - {"extra"}
    extra: dict[str, Any] = {}
    if path:
        try:
            with open(path, "rb") as fh:
                doc = tomllib.load(fh)
        except FileNotFoundError:
            raise SettingsError(f"config file not found: {path}") from None
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"config file {path} is not valid TOML: {exc}") from None
        section = doc.get("hotline", doc)
        for key, raw in section.items():
            if key in known:
                values[key] = _coerce(key, raw)
            else:
                extra[key] = raw
    for name, var in _ENV.items():
        if env.get(var):
            values[name] = _coerce(name, env[var])
    for name, raw in overrides.items():
        if raw is not None:
            values[name] = _coerce(name, raw)
    settings = Settings(extra=extra, **values)
    return settings


def with_overrides(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, **{k: _coerce(k, v) for k, v in changes.items() if v is not None})

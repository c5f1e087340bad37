"""Alembic environment: the URL comes from the caller's config or from hotline settings."""
from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

import models
from models import partitions

config = context.config
target_metadata = models.Base.metadata


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from hotline.settings import load_settings

    settings = load_settings()
    settings.ensure_dirs()
    return settings.effective_database_url


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is not None:
        _run(connectable)
        return
    engine = engine_from_config({"sqlalchemy.url": _url()}, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _include_name(name, type_, parent_names) -> bool:
    """The monthly partitions are not tables of the models (models/partitions.py)."""
    return not (type_ == "table" and name and partitions.is_partition(name))


def _include_object(obj, name, type_, reflected, compare_to) -> bool:
    """On PostgreSQL a partitioned table holds its dedupe key as a plain index, not a unique constraint."""
    if name in partitions.PG_REPLACED and not reflected:
        return context.get_bind().dialect.name != "postgresql"
    return not (name in partitions.PG_ONLY and reflected)


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True,
                      include_name=_include_name, include_object=_include_object)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

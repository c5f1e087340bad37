"""Intake channels: phone transcripts, mini-program, Telegram bot, window tablets and Open311.

Each channel is an adapter over the service layer (``hotline.services.tickets`` and
``rectification.services``): it authenticates, validates the shape of the input, records the
channel and the channel's own id, and leaves every business rule to the services.
"""
from __future__ import annotations


def setup(app) -> None:
    """Add every channel's routes to the aiohttp application."""
    from channels import miniprogram, notify, open311, phone, ratelink, tablet

    phone.setup_routes(app)
    miniprogram.setup_routes(app)
    open311.setup_routes(app)
    tablet.setup_routes(app)
    ratelink.setup_routes(app)
    notify.setup_routes(app)
    from channels.common import setting
    from hotline.web.app import HOTLINE

    hl = app[HOTLINE]
    if setting(hl, "bot_token") and setting(hl, "bot_webhook_secret"):
        from channels import bot  # imports aiogram (seconds): only when the webhook is configured

        bot.setup_webhook(app, hl)

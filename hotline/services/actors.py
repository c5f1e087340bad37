"""Who is acting: a signed-in user, a machine client's token, a citizen on a channel, the system."""
from __future__ import annotations

from dataclasses import dataclass

from hotline.domain.vocab import Role
from hotline.errors import Forbidden


@dataclass(frozen=True)
class Actor:
    kind: str                     # user | token | citizen | system
    name: str
    role: Role
    id: str | None = None
    unit_id: int | None = None
    unit_code: str | None = None

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            allowed = "、".join(r.label for r in roles)
            raise Forbidden(f"需要以下角色之一：{allowed}（当前：{self.role.label}）")

    @property
    def is_unit(self) -> bool:
        return self.role is Role.unit


SYSTEM = Actor(kind="system", name="系统", role=Role.admin, id="system")


def citizen(channel: str, ref: str | None = None) -> Actor:
    """A citizen acting through a channel adapter (files and follows their own appeals)."""
    return Actor(kind="citizen", name=f"市民（{channel}）", role=Role.channel, id=ref)

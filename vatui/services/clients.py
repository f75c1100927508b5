"""Client use cases: add, edit, find, list, archive."""

from __future__ import annotations

from typing import Any

from vatui.domain.clients import CHANNEL_KINDS, STATUSES, Channel, Client
from vatui.domain.errors import InputError, NotFoundError
from vatui.domain.money import check_currency
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.store.workspace import Workspace

MAX_NAME = 200


def check_name(name: str) -> str:
    """A client name, stripped; empty or overlong names are refused."""
    stripped = name.strip()
    if not stripped:
        raise InputError(_("a client needs a name"))
    if len(stripped) > MAX_NAME:
        raise InputError(_("the name is too long ({n} characters, at most {max})").format(
            n=len(stripped), max=MAX_NAME))
    return stripped


def check_status(status: str) -> str:
    """One of the pipeline statuses, or refused."""
    value = status.strip().lower()
    if value not in STATUSES:
        raise InputError(_("status must be one of {all}, not {s!r}").format(all=", ".join(STATUSES), s=status))
    return value


def check_timezone(name: str) -> str:
    """A tz database name (``Europe/Madrid``), or refused."""
    import pendulum

    try:
        pendulum.timezone(name.strip())
    except Exception as exc:
        raise InputError(_("{tz!r} is not a timezone (use a tz database name like Europe/Madrid)").format(
            tz=name)) from exc
    return name.strip()


def check_email(email: str) -> str:
    """A plausible e-mail address, or refused."""
    value = email.strip()
    local, at, domain = value.partition("@")
    if not at or not local or "." not in domain or " " in value or domain.startswith("."):
        raise InputError(_("{email!r} is not an e-mail address").format(email=email))
    return value


def check_percent(value: int, what: str) -> int:
    """A whole percentage from 0 to 100."""
    if not 0 <= value <= 100:
        raise InputError(_("{what} must be between 0 and 100 %").format(what=what))
    return value


def find_client(ws: Workspace, ref: str | int) -> Client:
    """A client by id (``#3``), exact name, or unique case-insensitive name prefix."""
    text = str(ref).strip()
    if text.startswith("#") and text[1:].isdigit():
        return ws.get(Client, int(text[1:]))
    clients = ws.all(Client)
    wanted = text.lower().lstrip("@")
    exact = [c for c in clients if c.name.lower() == wanted]
    if len(exact) == 1:
        return exact[0]
    if text.isdigit():
        try:
            return ws.get(Client, int(text))
        except NotFoundError:
            pass
    matches = [c for c in clients if c.name.lower().startswith(wanted)] if wanted else []
    live = [c for c in matches if not c.archived]
    if len(live) == 1:
        return live[0]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(_("no client matches {ref!r}").format(ref=text))
    names = ", ".join(one_line(c.name, 30) for c in (live or matches)[:6])
    raise InputError(_("{ref!r} matches several clients: {names}").format(ref=text, names=names))


def list_clients(ws: Workspace, *, status: str | None = None, include_archived: bool = False) -> list[Client]:
    """Clients in pipeline order, then by name."""
    clients = [c for c in ws.all(Client) if include_archived or not c.archived]
    if status:
        wanted = check_status(status)
        clients = [c for c in clients if c.status == wanted]
    order = {s: i for i, s in enumerate(STATUSES)}
    return sorted(clients, key=lambda c: (order.get(c.status, 99), c.name.lower()))


def _with_email(channels: tuple[Channel, ...], email: str) -> tuple[Channel, ...]:
    others = tuple(c for c in channels if c.kind != "email")
    return (Channel(kind="email", handle=email), *others)


def normalise(ws: Workspace, fields: dict[str, Any]) -> dict[str, Any]:
    """Check and convert every field a caller may set; raises before anything is saved."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if value is None and key not in ("timezone", "hourly_rate", "retainer_fee", "retainer_minutes",
                                          "cadence_days", "late_fee_percent", "preferred_channel"):
            continue
        if key == "name":
            out[key] = check_name(value)
        elif key == "status":
            out[key] = check_status(value)
        elif key == "timezone":
            out[key] = check_timezone(value) if value else None
        elif key == "currency":
            out[key] = check_currency(value)
        elif key in ("terms_days", "cadence_days", "late_fee_grace_days"):
            if value is not None and (value < 0 or value > 3650):
                raise InputError(_("{what} must be between 0 and 3650 days").format(what=key.split("_")[0]))
            out[key] = value
        elif key == "deposit_percent":
            out[key] = check_percent(value, _("the deposit"))
        elif key == "preferred_channel":
            if value is not None and value not in CHANNEL_KINDS:
                raise InputError(_("channel must be one of {all}").format(all=", ".join(CHANNEL_KINDS)))
            out[key] = value
        else:
            out[key] = value
    return out


def add_client(ws: Workspace, name: str, *, email: str | None = None, **fields: Any) -> Client:
    """Create a client; the currency defaults to the workspace's."""
    settings = ws.settings()
    clean = normalise(ws, {"name": name, **fields})
    if email:
        clean["channels"] = _with_email(clean.get("channels", ()), check_email(email))
        clean.setdefault("preferred_channel", "email")
    clean.setdefault("currency", settings.default_currency)
    rate = clean.get("hourly_rate")
    if rate is not None and rate.currency != clean["currency"]:
        raise InputError(_("the rate is in {a} but the client is billed in {b}").format(
            a=rate.currency, b=clean["currency"]))
    now = ws.clock.now()
    with ws.transaction(_("add client “{name}”").format(name=one_line(clean["name"], 40))) as tx:
        lowered = clean["name"].lower()
        if any(str(d.get("name", "")).lower() == lowered for d in tx.docs("clients").values()):
            raise InputError(_("a client called {name!r} already exists").format(name=clean["name"]))
        return tx.add(Client(created=now, updated=now, **clean))


def edit_client(ws: Workspace, client_id: int, *, email: str | None = None, **fields: Any) -> Client:
    """Change fields of a client; every value is checked first."""
    clean = normalise(ws, fields)
    client = ws.get(Client, client_id)
    if email:
        clean["channels"] = _with_email(client.channels, check_email(email))
    currency = clean.get("currency", client.currency)
    rate = clean.get("hourly_rate", client.hourly_rate)
    if rate is not None and rate.currency != currency:
        raise InputError(_("the rate is in {a} but the client is billed in {b}").format(
            a=rate.currency, b=currency))
    with ws.transaction(_("edit client “{name}”").format(name=one_line(client.name, 40))) as tx:
        client = tx.get(Client, client_id)
        if "name" in clean:
            lowered = clean["name"].lower()
            for key, doc in tx.docs("clients").items():
                if int(key) != client_id and str(doc.get("name", "")).lower() == lowered:
                    raise InputError(_("a client called {name!r} already exists").format(name=clean["name"]))
        return tx.save(client.with_(updated=ws.clock.now(), **clean))


def archive_client(ws: Workspace, client_id: int, archived: bool = True) -> Client:
    """Hide a client (history stays); ``archived=False`` brings it back."""
    client = ws.get(Client, client_id)
    with ws.transaction(_("archive “{name}”").format(name=one_line(client.name, 40))) as tx:
        client = tx.get(Client, client_id)
        return tx.save(client.with_(archived=archived, updated=ws.clock.now()))

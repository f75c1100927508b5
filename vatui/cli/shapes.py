"""The stable ``--json`` shapes of records (documented in the README)."""

from __future__ import annotations

from typing import Any

from vatui.domain.clients import Client
from vatui.domain.tasks import Task, TimeEntry


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def task_json(task: Task, names: dict[int, str]) -> dict[str, Any]:
    """A task as JSON."""
    client = None
    if task.client_id is not None:
        client = {"id": task.client_id, "name": names.get(task.client_id)}
    return {
        "id": task.id,
        "title": task.title,
        "client": client,
        "column": task.column,
        "position": task.position,
        "priority": task.priority,
        "due": _iso(task.due),
        "estimate_minutes": task.estimate_minutes,
        "tags": list(task.tags),
        "notes": task.notes,
        "checklist": [{"text": i.text, "done": i.done} for i in task.checklist],
        "recurrence": task.recurrence,
        "follow_up": _iso(task.follow_up),
        "snoozed_until": _iso(task.snoozed_until),
        "created": _iso(task.created),
        "updated": _iso(task.updated),
        "completed": _iso(task.completed),
    }


def client_json(client: Client, *, confidential: bool = False) -> dict[str, Any]:
    """A client as JSON; confidential notes only when asked for."""
    return {
        "id": client.id,
        "name": client.name,
        "status": client.status,
        "people": [
            {"name": p.name, "role": p.role, "email": p.email, "phone": p.phone} for p in client.people
        ],
        "channels": [{"kind": c.kind, "handle": c.handle} for c in client.channels],
        "preferred_channel": client.preferred_channel,
        "timezone": client.timezone,
        "language": client.language,
        "number_format": client.number_format,
        "working_hours": {"start": client.work_start, "end": client.work_end},
        "currency": client.currency,
        "hourly_rate": client.hourly_rate.to_json() if client.hourly_rate else None,
        "retainer": {
            "minutes_per_month": client.retainer_minutes,
            "monthly_fee": client.retainer_fee.to_json() if client.retainer_fee else None,
        }
        if client.retainer_minutes or client.retainer_fee
        else None,
        "terms_days": client.terms_days,
        "deposit_percent": client.deposit_percent,
        "late_fee": {"percent": client.late_fee_percent, "grace_days": client.late_fee_grace_days}
        if client.late_fee_percent
        else None,
        "default_taxes": [{"name": t.name, "kind": t.kind, "rate": t.rate} for t in client.default_taxes],
        "vetting": {v.key: v.done_on.isoformat() for v in client.vetting},
        "cadence_days": client.cadence_days,
        "notes": [
            {"text": n.text, "confidential": n.confidential, "created": _iso(n.created)}
            for n in client.notes
            if confidential or not n.confidential
        ],
        "tags": list(client.tags),
        "billing": {
            "legal_name": client.legal_name,
            "tax_id": client.tax_id,
            "tax_id_label": client.tax_id_label,
            "address": client.billing_address,
            "contact": client.billing_contact,
        },
        "archived": client.archived,
        "created": _iso(client.created),
        "updated": _iso(client.updated),
    }


def time_json(entry: TimeEntry, names: dict[int, str], titles: dict[int, str]) -> dict[str, Any]:
    """A time entry as JSON."""
    return {
        "id": entry.id,
        "task": {"id": entry.task_id, "title": titles.get(entry.task_id)}
        if entry.task_id is not None
        else None,
        "client": {"id": entry.client_id, "name": names.get(entry.client_id)}
        if entry.client_id is not None
        else None,
        "start": _iso(entry.start),
        "end": _iso(entry.end),
        "minutes": entry.minutes,
        "note": entry.note,
        "billable": entry.billable,
        "invoice_id": entry.invoice_id,
        "running": entry.running,
    }

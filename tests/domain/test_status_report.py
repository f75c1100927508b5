"""The weekly status report as Markdown."""

from __future__ import annotations

from datetime import date

from vatui.domain.status_report import ReportLine, ReportNote, StatusReportData, render_status_report

MON, SUN = date(2026, 11, 23), date(2026, 11, 29)


def data(**kw: object) -> StatusReportData:
    base: dict[str, object] = {
        "client": "Acme",
        "week_start": MON,
        "week_end": SUN,
        "as_of": date(2026, 11, 27),
    }
    base.update(kw)
    return StatusReportData(**base)  # type: ignore[arg-type]


def test_sections_in_order() -> None:
    text = render_status_report(
        data(
            done=(ReportLine("Newsletter", date(2026, 11, 24)),),
            in_progress=(ReportLine("Inbox zero", minutes=90),),
            waiting=(ReportLine("Approve the logo", date(2026, 11, 20)),),
            next_up=(ReportLine("Plan December", date(2026, 12, 1)),),
            week_minutes=300,
            month_minutes=600,
            retainer_minutes=1200,
            business="Jo VA",
        )
    )
    heads = [line for line in text.splitlines() if line.startswith("#")]
    assert heads == [
        "# Weekly status — Acme",
        "## Done this week",
        "## In progress",
        "## Waiting on you",
        "## Hours",
        "## Next",
    ]
    assert "- Newsletter (Tue 24 Nov)" in text
    assert "- Inbox zero — 1h30m this week" in text
    assert "- Approve the logo — waiting 7 days (since Fri 20 Nov)" in text
    assert "- This week: 5h" in text
    assert "- This month: 10h of 20h retainer hours (50 %)" in text
    assert "- Plan December (due Tue 01 Dec)" in text
    assert text.rstrip().endswith("Jo VA")


def test_empty_week_says_so() -> None:
    text = render_status_report(data())
    assert "- Nothing completed this week." in text
    assert "- Nothing is waiting on you." in text
    assert "- This week: 0h" in text
    assert "## Notes" not in text


def test_over_retainer() -> None:
    text = render_status_report(data(month_minutes=1500, retainer_minutes=1200))
    assert "(125 %)" in text and "- Over the retainer by 5h" in text


def test_confidential_notes_only_when_asked() -> None:
    notes = (ReportNote("Launch moved to January"), ReportNote("Owner's health issue", confidential=True))
    plain = render_status_report(data(notes=notes))
    assert "Launch moved to January" in plain and "health" not in plain
    asked = render_status_report(data(notes=notes, include_confidential=True))
    assert "- Owner's health issue (confidential)" in asked


def test_user_text_is_one_clean_line() -> None:
    text = render_status_report(data(client="Evil\x1b[2J\nCo", done=(ReportLine("a\nb\x07"),)))
    assert "\x1b" not in text and "\x07" not in text
    assert "# Weekly status — Evil␛[2J Co" in text
    assert "- a b␇" in text

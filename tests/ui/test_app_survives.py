"""The app survives what it cannot fix (issue 8, item 7).

A workspace damaged (or replaced by a newer vatui's) while the app is open: the app says
so, keeps showing what it had, refuses every write with the message and never crashes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.pilot import Ready, Seed, screen_text
from vatui.ui.app import VatuiApp

GARBAGE = b"SECRET-FIRST-BYTES {{{ not json"


def _damage(path: Path, how: str) -> None:
    if how == "garbage":
        path.write_bytes(GARBAGE)
    else:
        data = json.loads(path.read_bytes())
        data["meta"]["1"]["schema"] = 999
        path.write_text(json.dumps(data))


@pytest.mark.parametrize("how", ["garbage", "newer"])
async def test_damage_while_open_refuses_writes_and_keeps_reads(
    app: VatuiApp, seeded: Seed, ready: Ready, data_dir: Path, how: str
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        assert "Send the invoice batch" in screen_text(app)
        good = (data_dir / "workspace.json").read_bytes()
        _damage(data_dir / "workspace.json", how)
        damaged = (data_dir / "workspace.json").read_bytes()
        await pilot.press("a")  # quick add reads the clients: crashed the app
        await pilot.pause()
        for key in ("space", "u", "2", "n", "3", "4", "1", "j", "space"):
            await pilot.press(key)
            await pilot.pause()
        app.check_for_changes()
        await pilot.pause()
        assert app.is_running and app._exception is None
        assert "Send the invoice batch" in screen_text(app) or app.current_mode != "today"
        assert any("refusing to open" in m for m in app.messages), app.messages
        assert (data_dir / "workspace.json").read_bytes() == damaged  # nothing written over it
        assert not any("SECRET" in m for m in app.messages)
        await pilot.press("escape", "y", "escape", "1")
        await pilot.pause()
        assert "READ-ONLY" in screen_text(app).splitlines()[0]

        (data_dir / "workspace.json").write_bytes(good)  # restored by another session
        app.check_for_changes()
        await pilot.pause()
        assert "READ-ONLY" not in screen_text(app).splitlines()[0]
        from vatui.services.tasks.manage import quick_add

        assert app.run_service(quick_add, "After the repair") is not None  # writes work again
        assert app.session.refusal is None


async def test_an_unexpected_error_prints_no_local_variables_and_exits_non_zero(
    app: VatuiApp, seeded: Seed, ready: Ready, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> None:
        secret = "SECRET-CLIENT-NOTE"  # a local variable: Textual's traceback printed it
        raise RuntimeError("a bug " + str(len(secret)))

    app.action_help = broken  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            await ready(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
    err = capsys.readouterr().err
    assert "RuntimeError: a bug 18" in err and "unexpected error" in err
    assert "SECRET" not in err
    assert app.return_code == 1


@pytest.mark.parametrize("code", [0, 1])
def test_the_apps_exit_code_reaches_the_shell(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    import vatui.ui.app as app_module
    from vatui.cli.entry import main

    monkeypatch.setattr(app_module, "run_app", lambda *args, **kwargs: code)
    for argv in ([], ["--data-dir", str(data_dir)]):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == code, argv


async def test_an_unexpected_error_while_opening_ends_the_app_instead_of_hanging(
    app: VatuiApp, seeded: Seed, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stored date that overflowed a reader left the app on "Opening the workspace…" forever."""
    import vatui.services.today.triage as today_service

    def overflowing(ws: object) -> None:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(today_service, "triage", overflowing)
    with pytest.raises(OverflowError):
        async with app.run_test() as pilot:
            for _ in range(100):
                await pilot.pause(0.05)
                if app.return_code is not None:
                    break
    assert app.return_code == 1
    err = capsys.readouterr().err
    assert "OverflowError: date value out of range" in err and "unexpected error" in err

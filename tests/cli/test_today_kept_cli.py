"""``vatui today`` from the kept Today summary: the same bytes as the full path, stale as soon
as anything writes, never trusted when it is not ours, and never served once the day or the
housekeeping moved on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.helpers.cli_inprocess import Vatui
from tests.helpers.cli_run import run_vatui
from tests.helpers.mounts import read_only
from vatui.domain.clock import FixedClock
from vatui.services.today import kept_file

VIA_CLICK = "import sys; from vatui.cli.main import main; main(sys.argv[1:])"
"""The full path, always: click's ``today`` command (the executable's fast path is skipped)."""
FAST_ONLY = (
    "import sys; from vatui.cli.today_fast import serve; "
    "sys.exit(0 if serve(None, '--json' in sys.argv, None) else 3)"
)
"""Only the fast path: exit 3 when it would not answer."""


def _env(data: Path, **more: str) -> dict[str, str]:
    return {**os.environ, "VATUI_DATA_DIR": str(data), "TZ": "UTC", **more}


def _run(data: Path, *args: str, code: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    command = (
        [sys.executable, "-c", code, *args] if code else [str(Path(sys.executable).with_name("vatui")), *args]
    )
    return subprocess.run(command, env=_env(data, **env), capture_output=True, text=True, timeout=60)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert _run(data, "demo-data", "--size", "small").returncode == 0
    return data


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("timer", [False, True], ids=["no-timer", "timer"])
def test_the_kept_answer_is_what_the_full_path_prints(demo: Path, language: str, timer: bool) -> None:
    if language == "es":
        assert _run(demo, "settings", "set", "language", "es").returncode == 0
    if timer:
        assert _run(demo, "time", "start", "1").returncode == 0
    assert _run(demo, "today").returncode == 0  # the full path keeps the summary
    assert kept_file.summary_path(demo).exists()
    for args in (["today"], ["today", "--json"]):
        before = _run(demo, *args, code=VIA_CLICK)
        fast = _run(demo, *args, code=FAST_ONLY)
        after = _run(demo, *args, code=VIA_CLICK)
        assert fast.returncode == 0, fast.stderr
        # The running timer may tick a minute between the runs: one of the two matches.
        assert fast.stdout in (before.stdout, after.stdout), (fast.stdout, before.stdout)
        assert fast.stdout.strip() and before.stderr == fast.stderr == ""
        executable = _run(demo, *args)
        assert executable.stdout in (fast.stdout, after.stdout)
    shown = json.loads(_run(demo, "today", "--json", code=FAST_ONLY).stdout)
    assert (shown["timer"] is not None) == timer
    if language == "es":
        assert "Semana" in fast.stdout or "Semana" in _run(demo, "today", code=FAST_ONLY).stdout


def test_the_fast_path_loads_no_store_no_click_no_date_library(demo: Path) -> None:
    assert _run(demo, "today").returncode == 0
    code = "from vatui.cli.entry import main; main(['today'])"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=_env(demo), capture_output=True, text=True
    )
    assert result.returncode == 0 and "Overdue" in result.stdout
    loaded = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    for heavy in ("tinydb", "click", "pendulum", "vatui.store.workspace", "zoneinfo", "babel"):
        assert heavy not in loaded, heavy


def test_user_text_with_escapes_and_markup_prints_the_same(demo: Path) -> None:
    path = demo / "workspace.json"
    doc = json.loads(path.read_text())
    task = next(t for t in doc["tasks"].values() if t.get("due") and not t.get("completed"))
    task["title"] = "[bold red]Send[/] \x1b[31mred\x1b[0m \u202eevil\u202c \x9b2J done"
    path.write_text(json.dumps(doc))
    assert _run(demo, "today").returncode == 0
    for args in (["today"], ["today", "--json"]):
        fast = _run(demo, *args, code=FAST_ONLY)
        full = _run(demo, *args, code=VIA_CLICK)
        assert fast.returncode == 0 and fast.stdout == full.stdout
        assert "\x1b" not in fast.stdout and "\x9b" not in fast.stdout and "\u202e" not in fast.stdout


def test_a_write_by_another_process_shows_at_once(demo: Path) -> None:
    assert _run(demo, "today").returncode == 0
    assert _run(demo, "today", code=FAST_ONLY).returncode == 0
    assert _run(demo, "add", "Brand new errand due:today").returncode == 0  # another process
    assert _run(demo, "today", code=FAST_ONLY).returncode == 3  # stale: not served
    shown = _run(demo, "today")
    assert "Brand new errand" in shown.stdout
    assert _run(demo, "today", code=FAST_ONLY).stdout == shown.stdout  # kept again
    from vatui.services.session import Session
    from vatui.services.tasks.manage import add_task

    app = Session.open(demo)  # a write the way the app makes it
    try:
        app.run(add_task, "Written by the app", due=app.today())
    finally:
        app.close()
    assert "Written by the app" in _run(demo, "today").stdout


@pytest.mark.parametrize("spoil", ["garbage", "foreign", "link", "directory"])
def test_a_summary_that_is_not_ours_is_never_trusted(demo: Path, tmp_path: Path, spoil: str) -> None:
    path = kept_file.summary_path(demo)
    target = tmp_path / "target.kept"
    if spoil == "garbage":
        path.write_bytes(b'{"version": 1, "days": [')
    elif spoil == "foreign":  # kept by another workspace
        other = tmp_path / "other"
        assert _run(other, "add", "Elsewhere due:today").returncode == 0
        assert _run(other, "today").returncode == 0
        path.write_bytes(kept_file.summary_path(other).read_bytes())
    elif spoil == "link":
        assert _run(demo, "today").returncode == 0
        path.rename(target)
        path.symlink_to(target)
    else:
        path.mkdir()
    assert _run(demo, "today", code=FAST_ONLY).returncode == 3
    shown = _run(demo, "today")
    assert shown.returncode == 0 and shown.stderr == "" and "Traceback" not in shown.stderr
    assert shown.stdout == _run(demo, "today", code=VIA_CLICK).stdout
    assert "Elsewhere" not in shown.stdout
    if spoil == "link":  # replaced, never written through
        assert not path.is_symlink() and json.loads(target.read_bytes())["days"]
    if spoil != "directory":
        assert _run(demo, "today", code=FAST_ONLY).returncode == 0


def test_another_environment_or_data_dir(demo: Path, tmp_path: Path) -> None:
    assert _run(demo, "settings", "set", "language", "auto").returncode == 0  # the environment's
    assert _run(demo, "today", LANG="en_US.UTF-8", LANGUAGE="", LC_ALL="").returncode == 0
    spanish = {"LANG": "es_CO.UTF-8", "LANGUAGE": "", "LC_ALL": ""}
    assert _run(demo, "today", code=FAST_ONLY, **spanish).returncode == 3
    assert "Semana" in _run(demo, "today", **spanish).stdout
    assert "Semana" in _run(demo, "today", code=FAST_ONLY, **spanish).stdout  # kept for it now
    moved = tmp_path / "moved"
    demo.rename(moved)
    nowhere = tmp_path / "nowhere"
    via_flag = subprocess.run(
        [str(Path(sys.executable).with_name("vatui")), "--data-dir", str(moved), "today"],
        env=_env(nowhere),
        capture_output=True,
        text=True,
    )
    assert via_flag.returncode == 0 and "Week:" in via_flag.stdout
    assert not nowhere.exists()


def test_a_read_only_folder_answers_from_the_summary(demo: Path) -> None:
    assert _run(demo, "today").returncode == 0
    expected = _run(demo, "today", code=VIA_CLICK).stdout
    with read_only(demo) as mounted:
        result = run_vatui(demo, "today") if mounted else _run(demo, "today", code=FAST_ONLY)
        assert result.returncode == 0 and result.stdout == expected and result.stderr == ""


def test_the_day_after_and_housekeeping_due_take_the_full_path(
    vatui: Vatui, clock: FixedClock, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In this process on the fixed clock (``time.time`` follows it): the summary is kept up
    to the day a recurring expense falls due, then the full path makes the expense."""
    from vatui.cli import today_fast, today_report
    from vatui.cli.entry import main
    from vatui.services import session as session_module
    from vatui.services.today import kept

    real_time = SimpleNamespace(time=lambda: clock.now().timestamp())
    for module in (kept, today_fast, today_report):
        monkeypatch.setattr(module, "time", real_time)
    assert vatui("add", "Water the plants due:today").code == 0
    tomorrow = (clock.now() + timedelta(days=1)).date()
    template = vatui(
        "expense", "add", "10", "--category", "software", "--every", "monthly", "--on", "2026-10-28"
    )
    assert template.code == 0 and tomorrow.isoformat() == "2026-11-28"
    opens: list[Path] = []
    real_open = session_module.open_workspace

    def counting(directory: Path, *args: object, **kwargs: object) -> object:
        opens.append(directory)
        return real_open(directory, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session_module, "open_workspace", counting)

    def today() -> str:
        out = vatui.capsys.readouterr()
        try:
            main(["today"])
        except SystemExit as exc:
            assert exc.code == 0
        out = vatui.capsys.readouterr()
        assert out.err == ""
        return out.out

    first = today()
    assert len(opens) == 1 and "Water the plants" in first
    assert today() == first and len(opens) == 1  # the summary answered
    clock.advance(hours=14, minutes=29)  # still the 27th (23:59 UTC)
    assert today() == first and len(opens) == 1
    clock.advance(minutes=2)  # the 28th: the expense is due
    tomorrows = today()
    assert len(opens) == 2 and "Sat 28 Nov 2026" in tomorrows
    expenses = vatui("expense", "list", "--json").json()
    assert sorted(e["date"] for e in expenses["expenses"]) == ["2026-10-28", "2026-11-28"]


def test_on_a_kept_day_written_as_iso_answers_from_the_summary(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _run(data, "add", "Due the day after tomorrow due:+2d").returncode == 0
    assert _run(data, "today").returncode == 0
    days = [d["day"] for d in json.loads(kept_file.summary_path(data).read_bytes())["days"]]
    assert len(days) == 4
    on = days[2]
    serve_on = f"import sys; from vatui.cli.today_fast import serve; sys.exit(0 if serve(None, False, {on!r}) else 3)"
    fast = _run(data, code=serve_on)
    assert fast.returncode == 0 and "Due the day after tomorrow" in fast.stdout
    assert fast.stdout == _run(data, "today", "--on", on, code=VIA_CLICK).stdout
    assert _run(data, "today", "--on", on).stdout == fast.stdout
    assert _run(data, "today", "--on", "+2d").stdout == fast.stdout  # another syntax: the full path

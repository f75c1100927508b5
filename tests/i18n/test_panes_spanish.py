"""With ``language=es``, every pane of the demo workspace at 80×24 (Today, Board, Clients,
Ledger and its tabs, the Plan and an open week, the ``?`` help of each, the palette, quick add
and four forms) shows no English string of the catalog, and fits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
from babel.messages.pofile import read_po
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "vatui" / "locale" / "es" / "LC_MESSAGES" / "vatui.po"


def _english_phrases() -> list[str]:
    """Catalog msgids of two words or more, without placeholders, whose Spanish differs."""
    with open(PO, "rb") as src:
        catalog = read_po(src)
    phrases = []
    for message in catalog:
        if not message.id or isinstance(message.id, tuple) or "{" in message.id:
            continue
        text = message.id.strip()
        if len(text.split()) >= 2 and message.string.strip() != text:
            phrases.append(text)
    return phrases


def _screens(tmp_path: Path, setting: str = "es", lang: str = "C", *only: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update({"LANG": lang, "VATUI_CONFIG_DIR": str(tmp_path / "config"), "TZ": "UTC"})
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.spanish_panes", str(tmp_path / "data"), setting, *only],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    screens: dict[str, str] = orjson.loads(done.stdout)
    return screens


def test_every_pane_is_spanish_at_80x24(tmp_path: Path) -> None:
    screens = _screens(tmp_path)
    assert set(screens) == {
        "today",
        "board",
        "clients",
        "ledger",
        "today help",
        "board help",
        "clients help",
        "ledger help",
        "plan",
        "plan help",
        "plan week",
        "time off form",
        "palette",
        "quick add",
        "card form",
        "client form",
        "expense form",
        "aging",
        "payments",
        "expenses",
        "pnl",
        "ledger clients",
    }
    phrases = _english_phrases()
    assert "Nothing overdue." in phrases  # the check below has something to find
    english = {name: [p for p in phrases if p in text] for name, text in screens.items()}
    assert not any(english.values()), {k: v for k, v in english.items() if v}
    assert "Hoy" in screens["today"].splitlines()[0]
    assert "Cronómetro" in screens["today"]
    assert "Buscar comandos…" in screens["palette"]
    assert "Redactar boletín" in screens["quick add"] and "Título" in screens["card form"]
    assert "EXCEDIDA" in screens["plan"] and "Semana del 30 nov" in screens["today"]
    assert "de más" in screens["plan week"] and "Días libres" in screens["time off form"]
    for name, text in screens.items():
        lines = text.splitlines()
        assert len(lines) == 24 and all(cell_len(line) == 80 for line in lines), name
        # the footer drops keys that do not fit rather than cut a word, and keeps ``?``
        footer = lines[-1].rstrip()
        if name == "client form":  # a full-screen form: no footer
            continue
        assert "? Teclas" in footer, (name, footer)
        assert footer.endswith(("Teclas", "Salir")), (name, footer)


# Which language is chosen shows on Today; every other pane in Spanish is the test above.
def test_the_environment_chooses_spanish_when_the_setting_is_empty(tmp_path: Path) -> None:
    screens = _screens(tmp_path, "", "es_CO.UTF-8", "today")
    assert set(screens) == {"today"}
    phrases = _english_phrases()
    english = {name: [p for p in phrases if p in text] for name, text in screens.items()}
    assert not any(english.values()), {k: v for k, v in english.items() if v}
    assert "Hoy" in screens["today"].splitlines()[0]


def test_the_setting_english_wins_over_a_spanish_environment(tmp_path: Path) -> None:
    screens = _screens(tmp_path, "en", "es_CO.UTF-8", "today")
    assert "Today" in screens["today"].splitlines()[0]
    assert screens["today"].splitlines()[-1].startswith("space Done")
    assert "Overdue" in screens["today"] and "Vencidas" not in screens["today"]

"""``vatui --help`` and ``vatui today`` in Spanish: from the environment, and from the setting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

VATUI = str(Path(sys.executable).with_name("vatui"))


def _run(data: Path, *args: str, lang: str = "C") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update({"VATUI_DATA_DIR": str(data), "TZ": "UTC", "LANG": lang})
    return subprocess.run([VATUI, *args], env=env, capture_output=True, text=True, timeout=120)


def test_help_and_today_follow_the_environment(tmp_path: Path) -> None:
    helped = _run(tmp_path, "--help", lang="es_CO.UTF-8")
    assert helped.returncode == 0, helped.stderr
    assert "Dónde vive el espacio de trabajo" in helped.stdout
    assert "Where the workspace lives" not in helped.stdout
    assert helped.stdout.startswith("Uso: vatui") and "Mostrar este mensaje y salir." in helped.stdout
    assert "Añadir, listar, ver, editar, archivar y eliminar clientes." in helped.stdout  # a docstring
    assert "Options" not in helped.stdout and "Show this message" not in helped.stdout
    assert _run(tmp_path, "demo-data", lang="es_CO.UTF-8").returncode == 0
    today = _run(tmp_path, "today", lang="es_CO.UTF-8")
    assert today.returncode == 0, today.stderr
    assert today.stdout.startswith("Hoy — ")
    assert "Vencidas" in today.stdout and "Overdue" not in today.stdout
    english = _run(tmp_path, "today", lang="en_US.UTF-8")
    assert english.stdout.startswith("Today — ") and "Overdue" in english.stdout


def test_the_language_setting_wins_over_the_environment(tmp_path: Path) -> None:
    import orjson

    assert _run(tmp_path, "demo-data").returncode == 0
    path = tmp_path / "workspace.json"
    data = orjson.loads(path.read_bytes())
    for doc in data["settings"].values():
        doc["language"] = "es"
    path.write_bytes(orjson.dumps(data))
    today = _run(tmp_path, "today", lang="en_US.UTF-8")
    assert today.returncode == 0, today.stderr
    assert today.stdout.startswith("Hoy — ") and "Overdue" not in today.stdout
    helped = _run(tmp_path, "--help", lang="en_US.UTF-8")
    assert "Dónde vive el espacio de trabajo" in helped.stdout
    tasks = _run(tmp_path, "task", "list", "--help", lang="en_US.UTF-8")
    assert "Solo las tareas de este cliente." in tasks.stdout, tasks.stdout


def test_settings_set_refuses_in_the_language_set(tmp_path: Path) -> None:
    assert _run(tmp_path, "settings", "set", "language", "es").returncode == 0
    refused = _run(tmp_path, "settings", "set", "wip_limit", "0")
    assert refused.returncode == 1
    assert "no está entre 1 y 20" in refused.stderr and "between" not in refused.stderr
    unknown = _run(tmp_path, "settings", "set", "nope", "1")
    assert "no existe el ajuste 'nope'" in unknown.stderr, unknown.stderr
    marker = _run(tmp_path, "settings", "set", "reminder.es.friendly", "{foo}")
    assert "no es un marcador" in marker.stderr, marker.stderr


def test_click_usage_errors_in_the_language_set(tmp_path: Path) -> None:
    assert _run(tmp_path, "settings", "set", "language", "es").returncode == 0
    missing = _run(tmp_path, "pay")
    assert missing.returncode == 2
    assert missing.stderr.startswith("Uso: vatui pay [OPTIONS] NUMBER AMOUNT\n")
    assert "Prueba 'vatui pay --help' para ver la ayuda." in missing.stderr
    assert "Error: Falta el argumento 'NUMBER'." in missing.stderr
    assert "No existe el comando 'frob'." in _run(tmp_path, "frob").stderr
    assert "No existe la opción '--dry-run'." in _run(tmp_path, "task", "list", "--dry-run").stderr
    typo = _run(tmp_path, "task", "lst").stderr
    assert "No existe el comando 'lst'. ¿Quisiste decir 'list'?" in typo
    bad = _run(tmp_path, "invoice", "show", "X", "--format", "docx").stderr
    assert "Valor no válido para '--format': 'docx' no es uno de 'txt', 'md', 'html', 'pdf'." in bad
    assert "Try " not in bad + typo and "Usage:" not in bad


def test_task_show_labels_and_values_in_the_language_set(tmp_path: Path) -> None:
    assert _run(tmp_path, "settings", "set", "language", "es").returncode == 0
    added = _run(tmp_path, "add", "Conciliar facturas !alta ~1h30m #finanzas")
    assert added.returncode == 0, added.stderr
    assert _run(tmp_path, "task", "edit", "1", "--every", "monday", "--notes", "ver hilo").returncode == 0
    shown = _run(tmp_path, "task", "show", "1")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()[1:]
    assert lines[:5] == [
        "  prioridad: alta",
        "  estimado: 1h30m",
        "  etiquetas: finanzas",
        "  se repite: cada lunes",
        "  notas: ver hilo",
    ], shown.stdout
    assert lines[5].startswith("  creada: 20") and len(lines) == 6
    assert _run(tmp_path, "settings", "set", "language", "en").returncode == 0
    english = _run(tmp_path, "task", "show", "1").stdout
    assert "  priority: high\n" in english and "  repeats: every Monday\n" in english

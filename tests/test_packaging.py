"""A non-editable install into a fresh virtual environment runs and finds its stylesheets."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_installs_runs_and_ships_styles(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("vatui-*.whl"))
    env_dir = tmp_path / "fresh"
    # A fresh environment that sees the test environment's libraries (a .pth line: no
    # download, no ensurepip, 20 s less) but not vatui: the editable install is a finder that
    # only the test environment's own site directory starts. The wheel goes in by itself and
    # `pip check` then proves every dependency it declares is met, at the versions it asks.
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    fresh_site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(fresh_site) / "test-libraries.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(py)]
    subprocess.run([*pip, "install", "-q", "--no-deps", str(wheel)], check=True, capture_output=True)
    check = subprocess.run([*pip, "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    version = subprocess.run(
        [str(env_dir / "bin" / "vatui"), "--version"], capture_output=True, text=True, cwd=tmp_path
    )
    assert version.returncode == 0 and version.stdout.startswith("vatui ")
    probe = (
        "import importlib.resources as r, vatui\n"
        "files = sorted(p.name for p in r.files('vatui.styles').iterdir() if p.name.endswith('.tcss'))\n"
        "print(vatui.__file__); print(','.join(files))\n"
        "print(r.files('vatui').joinpath('locale/es/LC_MESSAGES/vatui.mo').is_file())\n"
        "print(all(r.files('vatui').joinpath('fonts', f).is_file() for f in"
        " ('DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE-DejaVu.txt')))\n"
    )
    out = subprocess.run([str(py), "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True)
    location, styles, spanish, fonts = out.stdout.strip().splitlines()
    assert spanish == "True", "the Spanish catalog (vatui.mo) is not in the wheel"
    assert fonts == "True", "the DejaVu fonts (and their licence) for PDF documents are not in the wheel"
    assert str(env_dir) in location, "vatui was imported from the source tree, not the fresh install"
    shipped = set(styles.split(","))
    in_repo = {p.name for p in (ROOT / "styles").glob("*.tcss")}
    assert in_repo and in_repo <= shipped
    licence = subprocess.run(
        [
            str(py),
            "-c",
            "import importlib.metadata as m; d = m.metadata('vatui');"
            "print(d['License-Expression']); print([f.name for f in m.files('vatui')"
            " if f.name == 'LICENSE'])",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout.splitlines()
    assert licence == ["MIT AND Bitstream-Vera", "['LICENSE']"], licence

"""Backups are gzip-compressed (issue 13, item 6); old uncompressed ones still restore and rotate.

A backup is ``workspace-<stamp>-<digest>[-reason].json.gz``, written like every other file
(temp file, fsync, rename); restore reads it and old ``.json`` backups, refuses a damaged
or truncated gzip in one line with the workspace byte-identical, and refuses a gzip whose
content is over the 512 MB cap without inflating it whole.
"""

from __future__ import annotations

import gzip
import struct
import time
import zlib
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from tests.helpers.backup_files import backup_bytes, tree_bytes
from tests.helpers.workspace_file import read_workspace, workspace_bytes
from vatui.demo.workspace import generate
from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError
from vatui.domain.tasks import Task
from vatui.services.exchange.backup import backup_now, restore
from vatui.services.tasks.manage import add_task
from vatui.store import backups
from vatui.store.restore import MAX_RESTORE_BYTES, read_candidate
from vatui.store.workspace import Workspace


@pytest.fixture
def filled(data_dir: Path, clock: FixedClock) -> bytes:
    """A workspace with every kind of record; returns its bytes."""
    ws = Workspace.open(data_dir, clock)
    generate(ws, clients=2, seed=5)
    add_task(ws, "Keep me")
    ws.close()
    return workspace_bytes(data_dir)


def _titles(data_dir: Path, clock: FixedClock) -> list[str]:
    ws = Workspace.open(data_dir, clock)
    try:
        return sorted(t.title for t in ws.all(Task))
    finally:
        ws.close()


def test_a_backup_is_gzip_of_the_workspace_bytes_and_restores_them(
    filled: bytes, data_dir: Path, clock: FixedClock
) -> None:
    ws = Workspace.open(data_dir, clock)
    made = backup_now(ws)
    ws.close()
    assert made is not None and made.name.endswith("-manual.json.gz")
    raw = made.read_bytes()
    assert raw[:2] == b"\x1f\x8b" and len(raw) < len(filled) // 3
    assert gzip.decompress(raw) == filled
    assert made.stat().st_mode & 0o777 == 0o600
    assert not [p for p in made.parent.iterdir() if not backups.is_backup_name(p.name)]  # no temp left
    titles = _titles(data_dir, clock)
    ws = Workspace.open(data_dir, clock)
    add_task(ws, "After the backup")
    ws.close()
    saved = restore(data_dir, made, clock)
    assert saved is not None and saved.name.endswith("-prerestore.json.gz")
    assert read_workspace(data_dir) == orjson.loads(filled)
    assert _titles(data_dir, clock) == titles
    assert "After the backup" in orjson.loads(backup_bytes(saved)).__repr__()


def test_an_unchanged_workspace_is_not_backed_up_again_across_kinds(
    filled: bytes, data_dir: Path, clock: FixedClock
) -> None:
    folder = data_dir / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    digest = backups._digest(filled)  # an old uncompressed backup of the same bytes
    (folder / f"workspace-20261101T000000000000Z-{digest}.json").write_bytes(filled)
    assert backups.make_backup(data_dir, data_dir / "workspace.json", clock.now()) is None


def test_an_old_uncompressed_backup_restores(filled: bytes, data_dir: Path, clock: FixedClock) -> None:
    old = data_dir / "backups" / f"workspace-20250101T000000000000Z-{backups._digest(filled)}.json"
    old.parent.mkdir(mode=0o700, exist_ok=True)
    old.write_bytes(filled)
    ws = Workspace.open(data_dir, clock)
    add_task(ws, "Newer")
    ws.close()
    assert old in backups.list_backups(data_dir)
    restore(data_dir, old, clock)
    assert workspace_bytes(data_dir) == filled


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw[:-8],  # the trailer cut off
        lambda raw: raw[:40] + bytes(b ^ 0xFF for b in raw[40:80]) + raw[80:],  # corrupted
        lambda raw: raw[:-8] + b"\0\0\0\0" + raw[-4:],  # a wrong checksum
        lambda raw: raw[:10],  # only the header
    ],
)
def test_a_damaged_gzip_is_refused_in_one_line_and_nothing_changes(
    damage: object, filled: bytes, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    ws = Workspace.open(data_dir, clock)
    made = backup_now(ws)
    ws.close()
    assert made is not None
    bad = tmp_path / "bad.json.gz"
    assert callable(damage)
    bad.write_bytes(damage(made.read_bytes()))
    before = tree_bytes(data_dir)
    with pytest.raises(InputError) as caught:
        restore(data_dir, bad, clock)
    message = str(caught.value)
    assert "\n" not in message and str(bad) in message
    assert "damaged or incomplete" in message and "Traceback" not in message
    assert tree_bytes(data_dir) == before


def _bomb(size: int) -> bytes:
    """A gzip of ``size`` zero bytes (a whole number of MiB), made without holding them all
    and without compressing them all: one MiB is deflated once and fully flushed (nothing
    after it refers back to it), so its bytes repeated are a valid deflate stream of the
    whole; then the final block and the true CRC-32 and size."""
    block = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    count = size >> 20
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (count << 20) & 0xFFFFFFFF)
    return header + chunk * count + packer.flush() + trailer


def test_a_gzip_bomb_over_the_cap_is_refused_quickly(
    filled: bytes, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(_bomb(MAX_RESTORE_BYTES + (16 << 20)))
    assert bomb.stat().st_size < 2 << 20
    before = tree_bytes(data_dir)
    started = time.process_time()  # the work done, not the time a busy machine takes to do it
    with pytest.raises(InputError) as caught:
        restore(data_dir, bomb, clock)
    assert time.process_time() - started < 5  # about 1 s: inflated once, counting, nothing kept
    assert "too large" in str(caught.value) and "512 MB" in str(caught.value)
    assert tree_bytes(data_dir) == before


def test_a_gzip_whose_trailer_lies_is_still_read_only_up_to_the_cap(tmp_path: Path) -> None:
    raw = _bomb(8 << 20)
    liar = tmp_path / "liar.json.gz"
    liar.write_bytes(raw[:-4] + (100).to_bytes(4, "little"))  # says 100 bytes inside
    with pytest.raises(InputError) as caught:
        read_candidate(liar, limit=1 << 20)
    assert "too large" in str(caught.value)
    several = tmp_path / "several.json.gz"  # members one after the other count together
    several.write_bytes(gzip.compress(bytes(700_000)) * 2)
    with pytest.raises(InputError):
        read_candidate(several, limit=1 << 20)
    assert read_candidate(several, limit=2 << 20) == bytes(1_400_000)


def test_rotation_counts_and_prunes_both_kinds(filled: bytes, data_dir: Path, clock: FixedClock) -> None:
    folder = data_dir / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    start = clock.now() - timedelta(days=200)
    for day in range(60):  # sixty old uncompressed backups, one a day
        stamp = (start + timedelta(days=day)).strftime("%Y%m%dT%H%M%S%fZ")
        (folder / f"workspace-{stamp}-{day:012x}.json").write_bytes(b"{}")
    for n in range(40):  # then forty compressed ones
        ws = Workspace.open(data_dir, clock)
        add_task(ws, f"Task {n}")
        ws.close()
        made = backups.make_backup(data_dir, data_dir / "workspace.json", clock.now() + timedelta(minutes=n))
        assert made is not None and made.name.endswith(".json.gz")
    kept = backups.list_backups(data_dir)
    names = [p.name for p in kept]
    assert sorted(p.name for p in folder.iterdir()) == names  # nothing but backups, all counted
    assert len(kept) == backups.KEEP_LAST + len({n[10:16] for n in names if n.endswith(".json")})
    assert all(n.endswith(".json.gz") for n in names[-backups.KEEP_LAST :])
    old_months = {n[10:16] for n in names if n.endswith(".json")}
    assert old_months == {(start + timedelta(days=d)).strftime("%Y%m") for d in range(60)}

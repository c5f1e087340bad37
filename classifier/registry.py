"""A directory-based store of model versions, hot swapping, and the retrain function.

Layout under a root directory (e.g. ``Settings.models_dir / "category"``)::

    root/
      20250101T120000123456Z/     one directory per version: model.pkl + metadata.json
      20250102T090000654321Z/
      CURRENT                     JSON {"version": ..., "history": [previous versions, newest first]}

``CURRENT`` is only ever replaced whole (written to a temporary file, then ``os.replace``), so a
reader sees the old pointer or the new one, never half of one. A version directory is written
under a temporary name and renamed into place, so a listed version is always complete.
:class:`HotModel` re-reads the pointer when its modification time changes (checked at most once a
``check_interval``) and swaps the loaded model without a restart.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

from classifier.dataio import read_labelled, rows_to_xy
from classifier.model import METADATA_FILE, ModelError, TextModel
from classifier.text import normalise

POINTER = "CURRENT"
HISTORY_LIMIT = 50


class NoSuchVersionError(ModelError):
    """The store has no version of that name."""


class NothingToRollBackError(ModelError):
    """There is no earlier activated version to go back to."""


class ModelStore:
    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root)

    # -- reading -----------------------------------------------------------------------------
    def versions(self) -> list[str]:
        """Complete versions, oldest first (names sort by time)."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir()
                      if p.is_dir() and not p.name.startswith(".") and (p / METADATA_FILE).is_file())

    def path(self, version: str) -> Path:
        path = self.root / version
        if not version or "/" in version or version.startswith(".") or not (path / METADATA_FILE).is_file():
            raise NoSuchVersionError(f"模型版本不存在：{version}")
        return path

    def metadata(self, version: str) -> dict[str, Any]:
        return json.loads((self.path(version) / METADATA_FILE).read_text(encoding="utf-8"))

    def _pointer(self) -> dict[str, Any]:
        try:
            return json.loads((self.root / POINTER).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def current(self) -> str | None:
        return self._pointer().get("version")

    def history(self) -> list[str]:
        return list(self._pointer().get("history", []))

    def pointer_stamp(self) -> tuple[int, int] | None:
        """A cheap change marker of the pointer file (mtime in ns, inode)."""
        try:
            st = os.stat(self.root / POINTER)
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_ino)

    def load(self, version: str | None = None) -> TextModel:
        version = version or self.current()
        if not version:
            raise NoSuchVersionError(f"还没有启用的模型版本：{self.root}")
        return TextModel.load(self.path(version))

    # -- writing -----------------------------------------------------------------------------
    def _unique(self, name: str) -> str:
        candidate, n = name, 1
        while (self.root / candidate).exists():
            n += 1
            candidate = f"{name}-{n}"
        return candidate

    def save(self, source: TextModel | str | os.PathLike[str], version: str | None = None) -> str:
        """Add a model (a ``TextModel`` or a model directory) as a new version; returns its name.

        Saving does not activate it: call :meth:`activate`.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".incoming-", dir=self.root))
        try:
            if isinstance(source, TextModel):
                name = version or source.version
                source.metadata["version"] = name
                source.save(tmp)
            else:
                src = Path(source)
                TextModel.load(src)  # refuse a broken directory before it becomes a version
                meta = json.loads((src / METADATA_FILE).read_text(encoding="utf-8"))
                name = version or str(meta.get("version") or src.name)
                shutil.copytree(src, tmp, dirs_exist_ok=True)
            if not name or "/" in name or name.startswith(".") or name == POINTER:
                raise ValueError(f"无效的版本名：{name!r}")
            name = self._unique(name)
            meta_path = tmp / METADATA_FILE
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("version") != name:
                meta["version"] = name
                meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
            os.rename(tmp, self.root / name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return name

    def _write_pointer(self, pointer: dict[str, Any]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".pointer-", dir=self.root)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(pointer, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / POINTER)

    def activate(self, version: str) -> None:
        self.path(version)  # raises when absent
        pointer = self._pointer()
        current = pointer.get("version")
        if current == version:
            return
        history = ([current] if current else []) + list(pointer.get("history", []))
        self._write_pointer({"version": version, "history": history[:HISTORY_LIMIT],
                             "activated_at": time.time()})

    def rollback(self) -> str:
        """Go back to the version that was active before the current one; returns it."""
        pointer = self._pointer()
        history = [v for v in pointer.get("history", []) if (self.root / v / METADATA_FILE).is_file()]
        if not history:
            raise NothingToRollBackError("没有可以回滚的上一个版本")
        previous = history[0]
        self._write_pointer({"version": previous, "history": history[1:], "activated_at": time.time(),
                             "rolled_back_from": pointer.get("version")})
        return previous


class HotModel:
    """The store's current model, reloaded when the pointer changes (no restart needed)."""

    def __init__(self, store: ModelStore, check_interval: float = 1.0):
        self.store = store
        self.check_interval = check_interval
        self._lock = threading.Lock()
        self._model: TextModel | None = None
        self._stamp: tuple[int, int] | None = None
        self._checked = 0.0
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> bool:
        """Reload if the pointer changed; returns True when a new model was swapped in."""
        stamp = self.store.pointer_stamp()
        if not force and stamp == self._stamp:
            return False
        with self._lock:
            version = self.store.current()
            if self._model is not None and version == self._model.version:
                self._stamp = stamp
                return False
            model = self.store.load(version)
            self._model, self._stamp = model, stamp
            return True

    def get(self) -> TextModel:
        now = time.monotonic()
        if now - self._checked >= self.check_interval:
            self._checked = now
            try:
                self.refresh()
            except (ModelError, OSError, ValueError):
                pass  # keep serving the loaded model; the broken pointer is an admin's problem
        assert self._model is not None
        return self._model

    @property
    def version(self) -> str:
        return self.get().version


def _collect_base(base: Iterable[Any] | str | os.PathLike[str] | None) -> tuple[list[str], list[str]]:
    if base is None:
        from classifier.service import STARTER_CATEGORY
        return read_labelled(STARTER_CATEGORY)
    if isinstance(base, (str, os.PathLike)):
        return read_labelled(base)
    texts: list[str] = []
    labels: list[str] = []
    rows: list[Any] = []
    for item in base:
        if isinstance(item, (str, os.PathLike)):
            t, lab = read_labelled(item)
            texts += t
            labels += lab
        else:
            rows.append(item)
    t, lab = rows_to_xy(rows)
    return texts + t, labels + lab


def merge_corrections(texts: Sequence[str], labels: Sequence[str],
                      corrections: Iterable[Any]) -> tuple[list[str], list[str], int]:
    """Base examples plus corrections; a correction replaces a base example of the same text."""
    c_texts, c_labels = rows_to_xy(corrections)
    corrected = {}
    for text, label in zip(c_texts, c_labels):
        corrected[normalise(text)] = (text, label)  # the latest correction of a text wins
    out_t, out_l = [], []
    for text, label in zip(texts, labels):
        if normalise(text) not in corrected:
            out_t.append(text)
            out_l.append(label)
    for text, label in corrected.values():
        out_t.append(text)
        out_l.append(label)
    return out_t, out_l, len(corrected)


def retrain(base: Iterable[Any] | str | os.PathLike[str] | None, corrections: Iterable[Any],
            out_root: str | os.PathLike[str], *, config: dict[str, Any] | None = None,
            activate: bool = True, folds: int = 5, show_progress: bool = False) -> str:
    """Train a new model version from base data plus operator corrections; returns the version.

    ``base``: a CSV path, a list of CSV paths and/or ``(text, label)`` rows / ``{"text", "label"}``
    dicts, or None for the packaged starter corpus. ``corrections``: ``(text, label)`` rows or
    dicts, oldest first. The new version is saved under ``out_root`` (a :class:`ModelStore` root)
    and, with ``activate``, made current; a :class:`HotModel` serving that root picks it up.
    """
    from classifier.training import train

    texts, labels = _collect_base(base)
    texts, labels, n_corrections = merge_corrections(texts, labels, corrections)
    if config is None:
        store = ModelStore(out_root)
        current = store.current()
        if current:
            config = store.metadata(current).get("config")
    model = train(texts, labels, config, folds=folds, show_progress=show_progress,
                  source="retrain", extra_metadata={"n_corrections": n_corrections})
    store = ModelStore(out_root)
    version = store.save(model)
    if activate:
        store.activate(version)
    return version

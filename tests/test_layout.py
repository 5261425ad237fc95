"""The package a user installs: importable as `whosaid` (never `lib`), its layers kept by import-linter, its
defaults relative to where the user works, never inside the install."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

BIN = Path(sys.executable).parent


def test_import_linter_contracts_are_kept():
    lint = shutil.which("lint-imports", path=str(BIN)) or shutil.which("lint-imports")
    assert lint, "import-linter is a test dependency"
    proc = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


@pytest.mark.parametrize("page", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_import_only_the_dashboard_layer(page):
    tree = ast.parse(page.read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    ours = {m for m in modules if m and m.split(".")[0] in {"whosaid", "lib", "pages"}}
    assert ours <= {"whosaid.dashboard"}, f"{page.name} imports {sorted(ours)}"
    assert not any(m and m.split(".")[0] in {"spacy", "trafilatura", "pyarrow"} for m in modules)


def test_the_wheel_holds_one_top_level_package_named_whosaid(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    names = zipfile.ZipFile(next(tmp_path.glob("whosaid-*.whl"))).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"whosaid"}
    assert {"whosaid/resources/cues.tsv", "whosaid/py.typed", "whosaid/dashboard/routes.py"} <= set(names)


def run_cli(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "whosaid", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def test_build_from_another_folder_writes_its_store_there(tmp_path):
    env = {"WHOSAID_STORE": ""}
    article = tmp_path / "article.txt"
    shutil.copy(SEED, article)
    proc = run_cli("build", "article.txt", "--date", "2017-08-16", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "data" / "processed" / "manifest.json").is_file()
    package = Path(__import__("whosaid").__file__).parent
    assert not list(package.rglob("manifest.json")), "nothing is written inside the package"


def test_the_environment_and_the_flag_choose_the_store(tmp_path):
    article = tmp_path / "article.txt"
    shutil.copy(SEED, article)
    proc = run_cli("build", "article.txt", cwd=tmp_path, env={"WHOSAID_STORE": str(tmp_path / "env-store")})
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "env-store" / "manifest.json").is_file() and not (tmp_path / "data").exists()
    proc = run_cli("build", "article.txt", "--out", "flag-store", cwd=tmp_path,
                   env={"WHOSAID_STORE": str(tmp_path / "env-store")})
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "flag-store" / "manifest.json").is_file()


def test_python_dash_m_whosaid_is_the_command_line(tmp_path):
    proc = run_cli("--version", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("whosaid ")

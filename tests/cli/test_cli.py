from __future__ import annotations

import io
import re
import subprocess
import sys

from pypdf import PdfReader

from negotiation.data.case import case_from_json
from tests.conftest import ROOT


def run_cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "negotiation", *args], cwd=ROOT, capture_output=True, text=True,
                          **kwargs)


def test_demo_then_render_from_the_command_line_gives_the_agreement_pdf(tmp_path):
    demo_json = tmp_path / "demo.json"
    pdf = tmp_path / "agreement.pdf"
    assert run_cli("demo", "-o", str(demo_json)).returncode == 0
    case = case_from_json(demo_json.read_bytes())
    result = run_cli("render", str(demo_json), "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert case.vendor.name in reader.pages[0].extract_text()


def test_render_of_a_broken_file_says_why_and_fails(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{nope")
    result = run_cli("render", str(broken), "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_readme_documents_the_commands_that_work():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    for command in re.findall(r"`python -m negotiation (\w+)", readme):
        assert run_cli(command, "--help").returncode == 0, command

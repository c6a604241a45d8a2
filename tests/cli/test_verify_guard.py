"""`verify` on a file that is no whole agreement: one sentence, exit 1 (not verified) or 2 (no file), no traceback."""
from __future__ import annotations

import pytest

from negotiation.adapters.report import render_pdf
from tests.cli.test_cli import run_cli


@pytest.fixture(scope="module")
def agreement_pdf() -> bytes:
    from negotiation.adapters.demo import demo_case

    return render_pdf(demo_case())


def verdict(result) -> str:
    """The one line `verify` prints on standard output; nothing on standard error, no traceback."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout
    return lines[0]


def test_the_demo_agreement_verifies(tmp_path, agreement_pdf):
    path = tmp_path / "agreement.pdf"
    path.write_bytes(agreement_pdf)
    result = run_cli("verify", str(path))
    assert result.returncode == 0 and verdict(result).startswith("verified: ")


@pytest.mark.parametrize("cut", [0.5, 0.99])
def test_a_truncated_pdf_is_not_verified_and_says_it_was_cut_off(tmp_path, agreement_pdf, cut):
    path = tmp_path / "cut.pdf"
    path.write_bytes(agreement_pdf[:int(len(agreement_pdf) * cut)])
    result = run_cli("verify", str(path))
    assert result.returncode == 1
    assert verdict(result) == ("NOT VERIFIED: the PDF is incomplete: it stops before the end every PDF has (%%EOF), "
                               "so it was probably cut off while it was downloaded or copied.")


def test_a_pdf_cut_in_its_middle_but_ending_well_is_not_verified(tmp_path, agreement_pdf):
    path = tmp_path / "holed.pdf"
    path.write_bytes(agreement_pdf[:len(agreement_pdf) // 3] + agreement_pdf[-2000:])
    result = run_cli("verify", str(path))
    assert result.returncode == 1 and verdict(result).startswith("NOT VERIFIED: ")


@pytest.mark.parametrize("content, says", [
    (b"", "the file is empty, so it is not a PDF."),
    (b"\n\n", "the file is empty, so it is not a PDF."),
    (b'{"schema_version": 2}', "the file is not a PDF: it does not begin the way every PDF begins (%PDF-)."),
    (b"%PDF-1.7\n" + b"\x00garbage" * 100 + b"\n%%EOF\n", "the PDF is damaged and cannot be read"),
])
def test_an_empty_or_non_pdf_file_is_not_verified_in_one_sentence(tmp_path, content, says):
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    result = run_cli("verify", str(path))
    assert result.returncode == 1
    assert verdict(result).startswith(f"NOT VERIFIED: {says}")


def test_a_missing_file_or_a_folder_is_bad_usage(tmp_path):
    missing = run_cli("verify", str(tmp_path / "nowhere.pdf"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.strip() == f"error: no such file: {tmp_path / 'nowhere.pdf'}"
    folder = run_cli("verify", str(tmp_path))
    assert folder.returncode == 2 and folder.stderr.strip() == f"error: {tmp_path} is a folder, not a file"

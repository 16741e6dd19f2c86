"""Shared test helpers: where the repository and the third-party reference data are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example time limit: `make test` runs two workers beside a book build and a browser
# on two cores, so hypothesis' default 200 ms deadline failed tests by the machine's load
# (DeadlineExceeded, "Flaky"), not by what they check.
settings.register_profile("scalinglaws", deadline=None)
settings.load_profile("scalinglaws")

REPO = Path(__file__).resolve().parents[1]
#: ../shared/reference-data beside the repository (absent in a reader's clone and on GitHub).
REFERENCE_DATA = REPO.parent / "shared" / "reference-data"
#: Set (to anything but "" or "0") by .ci/run: there a missing folder fails instead of skipping.
REQUIRE_REFERENCE_DATA = "SCALINGLAWS_REQUIRE_REFERENCE_DATA"


def reference_data_folder() -> Path:
    """The folder of third-party reference data, or skip (fail under .ci/run) when absent."""
    if REFERENCE_DATA.is_dir():
        return REFERENCE_DATA
    if os.environ.get(REQUIRE_REFERENCE_DATA, "") not in ("", "0"):
        pytest.fail(f"{REQUIRE_REFERENCE_DATA} is set (.ci/run sets it), but the third-party "
                    f"reference data is not at {REFERENCE_DATA}: the cross-checks against it "
                    "must run here. Put the folder there, or unset the variable.",
                    pytrace=False)
    pytest.skip(f"third-party reference data not found at {REFERENCE_DATA}: cross-check "
                "skipped (.ci/run requires it)")


@pytest.fixture(scope="session")
def reference_data() -> Path:
    """../shared/reference-data: the only place tests learn where the third-party data is.

    Skips the test with a message when the folder is absent, except under .ci/run
    (``SCALINGLAWS_REQUIRE_REFERENCE_DATA=1``), where the test fails instead.
    """
    return reference_data_folder()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium (or $CHROMIUM) under Playwright, one per test module: the one place
    the browser tests launch it (tools/live_harness.launch). Skips when Chromium is absent,
    except under CI (``CI`` set to true or 1), where the browser tests must run."""
    sys.path.insert(0, str(REPO / "tools"))
    import live_harness

    chromium = live_harness.chromium_path()
    if not Path(chromium).exists():
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"Chromium not found at {chromium}: under CI the browser tests must "
                        "run (`make test` installs it with apt as root)", pytrace=False)
        pytest.skip(f"Chromium not found at {chromium}: browser tests skipped "
                    "(sudo apt-get install chromium, or make test CHROMIUM=/path/to/chromium)")
    with live_harness.launch() as launched:
        yield launched

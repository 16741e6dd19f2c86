#!/usr/bin/env bash
# Prepare a server running The Littlest JupyterHub (https://tljh.jupyter.org) for the course.
# Run as root from a clone of the course repository kept where every learner can read it:
#
#   sudo git clone https://github.com/scaling-laws-course/scaling-laws /srv/scaling-laws
#   sudo bash /srv/scaling-laws/deploy/tljh/install.sh
#
# 1. installs requirements.txt (the pinned environment Binder and the local recipe use) into
#    TLJH's user environment; 2. writes the student copies of the chapters (no solutions, no
#    outputs) to /etc/skel/scaling-laws, which every NEW learner's home starts with;
#    3. applies deploy/tljh/config.yaml with tljh-config and reloads the hub.
# Learners who already have an account get the copies from the website's download instead.
# Variables (for testing or other layouts): TLJH_USER_PYTHON, SKEL_DIR, TLJH_CONFIG,
# SKIP_PIP_INSTALL=1.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
python=${TLJH_USER_PYTHON:-/opt/tljh/user/bin/python}
skel=${SKEL_DIR:-/etc/skel}
tljh_config=${TLJH_CONFIG:-tljh-config}

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "TLJH's user environment ($python) has Python $("$python" -V 2>&1):" \
       "the course's pinned numpy, pandas and scipy need 3.11 or newer." >&2
  exit 1
fi
if [ "${SKIP_PIP_INSTALL:-0}" != 1 ]; then
  # requirements.txt ends with `-e .`: pip runs in the repository's folder.
  (cd "$repo" && "$python" -m pip install -r requirements.txt)
fi
"$python" -m scalinglaws.student "$skel/scaling-laws" "$repo"/notebooks/*.ipynb
"$python" "$repo/deploy/tljh/settings.py" "$repo/deploy/tljh/config.yaml" |
  while read -r key value; do
    "$tljh_config" set "$key" "$value"
  done
"$tljh_config" reload

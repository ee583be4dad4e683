#!/bin/sh
# The students' server environment without Docker (hub/Dockerfile runs this same script):
#
#   sh hub/install.sh <student edition folder> <venv folder>
#   e.g. sh hub/install.sh /opt/readingpack /opt/readingpack-venv
#
# The edition folder must be the student edition (make student-edition, or a clone of the
# course's repository), never the instructors' checkout: every student can read the image's
# files. It must stay where it is: the pack is installed from it in place ("editable"), and the
# kernels read the pack's data/ there. Then point the hub's spawner at
# <venv folder>/bin/jupyterhub-singleuser (hub/jupyterhub_config.py).
set -eu
if [ $# -ne 2 ]; then
    echo "usage: sh hub/install.sh <student edition folder> <venv folder>" >&2
    exit 2
fi
EDITION=$(cd "$1" && pwd)
VENV=$2
PYTHON=${PYTHON:-python3}
for needed in requirements/runtime.txt hub/requirements.txt pyproject.toml; do
    if [ ! -f "$EDITION/$needed" ]; then
        echo "$EDITION has no $needed: give the student edition's folder" >&2
        exit 2
    fi
done
command -v git >/dev/null || { echo "git is missing: nbgitpuller needs it (apt-get install git)" >&2; exit 2; }
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -r "$EDITION/requirements/runtime.txt" -r "$EDITION/hub/requirements.txt"
"$VENV/bin/python" -m pip install --quiet --no-deps -e "$EDITION"
mkdir -p "$VENV/etc/jupyter" "$VENV/share/jupyter/lab/settings"
cp "$EDITION/hub/jupyter_server_config.py" "$VENV/etc/jupyter/jupyter_server_config.py"
# JupyterLab's defaults for every student: a saved lesson keeps its widgets' state, so reopening
# it shows the widgets instead of "Error displaying widget: model not found".
cp "$EDITION/hub/overrides.json" "$VENV/share/jupyter/lab/settings/overrides.json"
echo "Installed the pack ($EDITION) with jupyterhub and nbgitpuller into $VENV"

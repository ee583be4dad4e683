"""A class's hub on a single machine, laid out as The Littlest JupyterHub lays it out: the hub in
one environment, the students' servers in another (docs/hosting.md).

    # the students' environment, from the student edition (never the instructors' checkout):
    sh hub/install.sh /opt/readingpack /opt/readingpack-venv
    # the hub's environment:
    python3 -m venv /opt/hub && /opt/hub/bin/pip install -r hub/requirements.txt \\
        jupyterhub-idle-culler==2.0.0 jupyterhub-systemdspawner==1.0.2
    npm install -g configurable-http-proxy@5.3.0
    /opt/hub/bin/jupyterhub -f hub/jupyterhub_config.py

tests/browser/test_hub.py starts a hub from this file, with a test login and local processes instead
of system users (see the end of this file for what it changes).
"""

import sys

c = get_config()  # noqa: F821 (provided by JupyterHub when it reads this file)

STUDENT_VENV = "/opt/readingpack-venv"

# Put an HTTPS reverse proxy (or c.JupyterHub.ssl_cert / ssl_key) in front of this port.
c.JupyterHub.bind_url = "http://127.0.0.1:8000"

# Log-in: the default is the machine's own accounts (PAM). Use your institution's login instead
# (oauthenticator, ldapauthenticator) and list who may log in:
# c.Authenticator.allowed_users = {"student1", "student2"}
# c.Authenticator.admin_users = {"teacher"}

# One systemd unit per student: the memory limit is enforced (the default LocalProcessSpawner
# cannot). The figures are docs/hosting.md's, measured by tests/browser/test_hub.py.
c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
c.Spawner.mem_limit = "1G"
c.Spawner.cpu_limit = 1.0
c.Spawner.cmd = [f"{STUDENT_VENV}/bin/jupyterhub-singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"  # the home: nbgitpuller clones into ~/readingpack

# A server nobody has used for an hour is stopped (its files stay; the next log-in starts it
# again in a few seconds). Idle kernels and terminals inside a running server are stopped by
# hub/jupyter_server_config.py, which hub/install.sh puts in the students' environment.
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600", "--cull-every=300"],
}]

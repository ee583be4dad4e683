# The student servers' own settings: hub/install.sh copies this file to
# <venv>/etc/jupyter/jupyter_server_config.py (hub/Dockerfile runs hub/install.sh).
#
# A lesson's kernel keeps its memory (about 150 MB, docs/hosting.md) after its tab is closed:
# a kernel that no tab shows and that has been idle for 20 minutes is stopped, and so is a
# terminal left inactive as long. A kernel still open in a tab is never stopped, so a student's
# widgets and variables survive a pause; the hub's idle-server culler (hub/jupyterhub_config.py,
# hub/z2jh-values.yaml) stops a whole server that nobody uses.
c = get_config()  # noqa: F821 (provided by Jupyter when it reads this file)

c.MappingKernelManager.cull_idle_timeout = 20 * 60
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = False
c.TerminalManager.cull_inactive_timeout = 20 * 60
c.TerminalManager.cull_interval = 60

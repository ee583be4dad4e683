# The documented Linux container for marking on macOS or Windows (make grade needs bubblewrap,
# which runs only on Linux). Build and run from the pack's folder:
#   docker build -t readingpack-marker .
#   docker run --rm --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
#     -v "$PWD/submissions:/pack/submissions:ro" -v "$PWD/grades:/pack/grades" \
#     readingpack-marker make grade SUBMISSIONS=submissions
# The two security options let bubblewrap create its namespaces inside the container (Docker's
# default profiles forbid that); the notebooks still run in bubblewrap's sandbox inside it.
FROM python:3.11-slim-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends bubblewrap make git fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home marker
WORKDIR /pack
COPY --chown=marker:marker . /pack
USER marker
RUN make install-dev
CMD ["make", "grade", "SUBMISSIONS=submissions"]

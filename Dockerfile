# The research group bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on $PORT.
# Build: docker build -t group-bot .   Run: see README.md, "Running it in a container".
#
# Two stages: the first builds the bot's wheel and a virtual environment with its dependencies;
# the image keeps only that environment and the knowledge (no build tools, no sources, no tests).

FROM python:3.12-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# The dependencies first, from pyproject.toml alone: this layer is reused until they change.
COPY pyproject.toml README.md ./
RUN python -m venv /opt/bot \
    && /opt/bot/bin/pip install --no-cache-dir . \
    && pip install --no-cache-dir "setuptools>=68,<81"
COPY bot ./bot
RUN pip wheel --no-cache-dir --no-deps --no-build-isolation --wheel-dir /wheels . \
    && /opt/bot/bin/pip install --no-cache-dir --no-deps --force-reinstall /wheels/*.whl \
    && /opt/bot/bin/python -m pip uninstall --yes --quiet setuptools pip

FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/bot/bin:$PATH \
    BOT_KNOWLEDGE_DIR=/knowledge \
    BOT_DATA_DIR=/data \
    PORT=3000
RUN useradd --create-home --uid 10001 bot && mkdir -p /data && chown bot /data
COPY --from=build /opt/bot /opt/bot
COPY --chown=10001 knowledge /knowledge
USER 10001
WORKDIR /home/bot

VOLUME ["/knowledge", "/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "-m", "bot", "healthcheck"]
CMD ["python", "-m", "bot", "serve"]

# The research group bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on $PORT.
# Build: docker build -t group-bot .   Run: see README.md, "Running it in a container".
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BOT_KNOWLEDGE_DIR=/knowledge \
    BOT_DATA_DIR=/data \
    PORT=3000

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir .

COPY knowledge /knowledge
RUN useradd --create-home --uid 10001 bot && mkdir -p /data && chown -R bot /data /knowledge
USER 10001

VOLUME ["/knowledge", "/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "-m", "bot", "healthcheck"]
CMD ["python", "-m", "bot", "serve"]

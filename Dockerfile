# The application image. Build the jar first (./mvnw -B verify, or ./mvnw -B package -DskipTests);
# docker-compose.yml builds this image with `docker compose up --build`.
FROM eclipse-temurin:17-jre

# DejaVu Sans: the invoice PDF's Unicode font (Latin, Greek, Cyrillic); CJK fonts are configured with
# ledger.invoicing.pdf.fonts (README, invoices)
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system ledger && useradd --system --gid ledger --home-dir /app ledger \
    && mkdir -p /app/data && chown -R ledger:ledger /app
WORKDIR /app

COPY target/engagement-ledger-*.jar /app/engagement-ledger.jar

USER ledger
# Only used by the embedded stores (no profile); with postgres + an external MongoDB nothing is written here.
ENV LEDGER_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/engagement-ledger.jar"]

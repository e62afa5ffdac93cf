# syntax=docker/dockerfile:1
# Multi-stage build: compile in the Rust image, run in a small non-root image.
# SQLite and libpq are bundled into the binary, so the runtime needs no
# database client libraries.

FROM rust:1.95-bookworm AS build
WORKDIR /src
# Dependencies first, so that source edits do not rebuild them.
# .cargo/config.toml carries the bundled SQLite's build options.
COPY Cargo.toml Cargo.lock ./
COPY .cargo ./.cargo
RUN mkdir src && echo 'fn main() {}' > src/main.rs && echo '' > src/lib.rs \
    && cargo build --release --locked \
    && rm -rf src
COPY src ./src
COPY migrations ./migrations
RUN touch src/main.rs src/lib.rs && cargo build --release --locked \
    && strip target/release/kith

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/kith --create-home kith
COPY --from=build /src/target/release/kith /usr/local/bin/kith
USER kith
WORKDIR /var/lib/kith
ENV KITH_LISTEN=0.0.0.0:8080 \
    KITH_LOG_FORMAT=json
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["/usr/local/bin/kith"]
CMD ["serve"]

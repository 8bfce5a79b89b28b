#!/bin/sh
# Installs @stoplight/spectral-cli of the given version under the given directory, with the machine's own npm.
# Never fails the build: without npm, or when the install fails, it says so and OpenApiLintTest reports the lint as
# skipped (or fails, where LEDGER_REQUIRE_SERVICES=true).
dir="$1"
version="$2"
bin="$dir/node_modules/.bin/spectral"
if [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null)" = "$version" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "[spectral] npm is not installed: the OpenAPI lint (OpenApiLintTest) will be skipped"
  exit 0
fi
mkdir -p "$dir"
if npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$dir" "@stoplight/spectral-cli@$version"; then
  echo "[spectral] installed @stoplight/spectral-cli@$version"
else
  echo "[spectral] npm install @stoplight/spectral-cli@$version failed: the OpenAPI lint will be skipped"
fi
exit 0

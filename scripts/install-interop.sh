#!/usr/bin/env bash
# Installs the reference implementations the interop tests use as oracles into .interop/ (git-ignored):
# Python peers from PyPI into a virtualenv, Go peers built from the Go module proxy. Versions are pinned
# here and printed at the end; re-running skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD/.interop"
mkdir -p "$ROOT/bin"

# Python: the OpenSSF model_signing reference, sigstore-python, a second CycloneDX validator, zizmor.
PY_PINS=(
  "model-signing==1.1.1"
  # model-signing 1.1.1 imports OpenSSL (its certificate verifier) without declaring the dependency.
  "pyOpenSSL==26.4.0"
  "sigstore==4.5.1"
  "cyclonedx-python-lib[json-validation]==11.12.0"
  "zizmor==1.32.0"
)
if [ ! -x "$ROOT/venv/bin/python" ]; then
  python3 -m venv "$ROOT/venv"
fi
"$ROOT/venv/bin/pip" install --quiet --disable-pip-version-check "${PY_PINS[@]}"

# Go: cosign, sigstore-go's verifier and signer examples, slsa-verifier, actionlint.
GO_PINS=(
  "github.com/sigstore/sigstore-go/examples/sigstore-go-verification@v1.1.4"
  "github.com/sigstore/sigstore-go/examples/sigstore-go-signing@v1.1.4"
  "github.com/slsa-framework/slsa-verifier/v2/cli/slsa-verifier@v2.7.1"
  "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"
  "github.com/sigstore/cosign/v3/cmd/cosign@v3.1.3"
)
# Each is built in a scratch module of its own (so one tool's dependency versions never move
# another's): `go install pkg@version` also asks the proxy for the module's version list, to report
# deprecations, and the proxy here refuses that list for some modules.
GO_WORK="$(mktemp -d)"
trap 'rm -rf "$GO_WORK"' EXIT
for pin in "${GO_PINS[@]}"; do
  pkg="${pin%@*}"
  name="$(basename "$pkg")"
  if [ ! -x "$ROOT/bin/$name" ]; then
    echo "building $pin" >&2
    mod="$GO_WORK/$name"
    mkdir -p "$mod"
    (cd "$mod" && go mod init "agentfence-interop/$name" >/dev/null 2>&1 \
      && GOFLAGS=-mod=mod go get "$pin" && GOFLAGS=-mod=mod go build -o "$ROOT/bin/$name" "$pkg")
  fi
done

{
  printf '%s\n' "${PY_PINS[@]}" "${GO_PINS[@]}"
} > "$ROOT/versions.txt"
echo "interop peers in $ROOT:" >&2
cat "$ROOT/versions.txt" >&2

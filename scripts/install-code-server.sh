#!/usr/bin/env bash
# Installs code-server (VS Code's server build, published on npm) into a cache
# folder, fully offline except for the npm registry, so the extension's
# integration tests can run inside a real VS Code extension host.
#
# Why code-server and not @vscode/test-electron: test-electron downloads a
# desktop VS Code build from a host this machine cannot reach. code-server
# ships the same workbench + extension host through the npm registry.
#
# Recipe: /work/shared/TESTING-IN-VSCODE.md (proven on Node 20 / Debian 12).
#
# Idempotent: a stamp file records a successful install; later runs only check
# it and exit. An interrupted or outdated install (no/foreign stamp) is wiped
# and redone from scratch, because a half-built node_modules is not
# trustworthy.
#
# Usage:  bash scripts/install-code-server.sh
# Env:    CODE_SERVER_DIR  override the cache folder (default:
#                          <repo>/.vscode-test/code-server-4.100.3)
#         CODE_SERVER_FORCE=1  reinstall even if the stamp is valid
set -euo pipefail

# 4.100.3 = VS Code 1.100.3; newer code-server releases require Node 22+.
CODE_SERVER_VERSION=4.100.3

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${CODE_SERVER_DIR:-$repo_root/.vscode-test/code-server-$CODE_SERVER_VERSION}"
stamp="$dir/.install-complete"
bin="$dir/node_modules/.bin/code-server"

log() { printf '[install-code-server] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Native modules (node-pty, spdlog, kerberos, argon2) are compiled against the
# running Node's ABI, so the stamp key includes it: switching Node versions
# must trigger a rebuild rather than a confusing load error at test time.
command -v node >/dev/null || die "node is not on PATH"
stamp_key="code-server@$CODE_SERVER_VERSION node-abi=$(node -p process.versions.modules) $(uname -m)"

stamp_is_valid() {
  [[ -f "$stamp" ]] && [[ "$(cat "$stamp")" == "$stamp_key" ]] && [[ -x "$bin" ]]
}

# Fast path without taking the lock: the common case on a warm machine.
if [[ "${CODE_SERVER_FORCE:-0}" != 1 ]] && stamp_is_valid; then
  log "reusing $dir ($stamp_key)"
  exit 0
fi

# Serialise concurrent installs (e.g. two test runs started at once): the
# second waits for the first and then takes the fast path.
mkdir -p "$(dirname "$dir")"
exec 9>"$dir.lock"
flock 9
if [[ "${CODE_SERVER_FORCE:-0}" != 1 ]] && stamp_is_valid; then
  log "reusing $dir (installed by a concurrent run)"
  exit 0
fi

# --- prerequisites (installed by .ci/run via apt-get; checked here so a
# developer gets a clear message instead of a node-gyp wall of text) --------
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == 20 ]] || log "WARNING: code-server $CODE_SERVER_VERSION targets Node 20; this is Node $node_major"
# code-server's @vscode/ripgrep postinstall would download rg from GitHub.
command -v rg >/dev/null || die "ripgrep (rg) is missing: apt-get install -y ripgrep"
# The 'kerberos' native module in lib/vscode compiles against MIT krb5 headers.
[[ -f /usr/include/gssapi/gssapi.h ]] || die "Kerberos headers are missing: apt-get install -y libkrb5-dev"
for tool in make g++ python3; do
  command -v "$tool" >/dev/null || die "$tool is missing (needed by node-gyp): apt-get install -y build-essential python3"
done

start=$SECONDS
log "installing code-server@$CODE_SERVER_VERSION into $dir (cold install, takes a few minutes)"
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"

# A package.json of its own, otherwise npm walks up to the repo's package.json
# and would install code-server into the project's node_modules.
cat > package.json <<'JSON'
{
  "name": "code-server-test-cache",
  "private": true,
  "description": "Cache folder for the VS Code integration-test harness (scripts/install-code-server.sh). Not part of the project."
}
JSON

# Quieter npm, and never prompt (CI has no stdin).
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# node-gyp must build against the installed Node's headers: downloading them
# needs a host these machines cannot reach. These machines already set
# nodedir=/usr in npm's config; make sure of it where Debian's headers exist.
if [[ "$(npm config get nodedir 2>/dev/null)" =~ ^(|undefined|null)$ && -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi

# 1. code-server itself. --ignore-scripts: its postinstall would try to build
#    lib/vscode's dependencies in a way that downloads things; we do those
#    steps by hand below.
log "step 1/5: npm install code-server@$CODE_SERVER_VERSION"
npm install --no-save --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION"

vscode="$dir/node_modules/code-server/lib/vscode"
[[ -d "$vscode" ]] || die "unexpected package layout: $vscode not found"

# 2. The VS Code server's own runtime dependencies. Scripts are skipped during
#    install (npm 11 would not run them anyway without approval) and run by
#    'npm rebuild' once ripgrep is in place.
log "step 2/5: lib/vscode runtime dependencies"
cd "$vscode"
npm install --omit=dev --ignore-scripts --loglevel=error
# @vscode/ripgrep's postinstall skips its GitHub download when bin/ exists, so
# put Debian's rg there first.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# Builds node-pty, spdlog, kerberos, ... npm_config_yes lets node-pty's
# 'npx node-gyp' proceed without an interactive prompt.
npm_config_yes=true npm rebuild --loglevel=error

# 3. Links the packaged code-server expects (normally made by its postinstall):
#    the server loads modules via 'node_modules.asar', and the remote CLI and
#    browser helper are looked up under platform-neutral names.
log "step 3/5: symlinks"
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)

# 4. Built-in extensions' dependencies (TypeScript/JSON language features...).
log "step 4/5: built-in extensions' dependencies"
(cd extensions && npm install --omit=dev --loglevel=error)

# 5. argon2 (code-server's password hashing) is native too; it is loaded at
#    startup even with --auth none.
log "step 5/5: rebuild argon2"
cd "$dir"
npm_config_yes=true npm rebuild argon2 --loglevel=error

# Own XDG folders: even --version writes a default config (with a generated
# password) to ~/.config/code-server otherwise.
version_out="$(XDG_CONFIG_HOME="$dir/.xdg/config" XDG_DATA_HOME="$dir/.xdg/data" "$bin" --version 2>&1)" || die "code-server --version failed: $version_out"
log "code-server --version: $(echo "$version_out" | tr '\n' ' ')"
[[ "$version_out" == *"$CODE_SERVER_VERSION"* ]] || die "unexpected version output"

# Written last, so only a complete install is ever reused.
printf '%s' "$stamp_key" > "$stamp"
log "done in $((SECONDS - start))s"

#!/usr/bin/env bash
# Installs a pinned code-server (real VS Code workbench + Node extension host) from npm alone, building native modules locally.
set -euo pipefail
# node-pty's post-install runs `npx node-gyp ...`; without this npx aborts when not interactive.
export npm_config_yes=true
# node-gyp would download the Node headers from nodejs.org (unreachable); build against the running node's own headers.
if [ -z "${npm_config_nodedir:-}" ]; then
  NODE_PREFIX=$(dirname "$(dirname "$(command -v node)")")
  if [ -f "$NODE_PREFIX/include/node/node.h" ]; then
    export npm_config_nodedir="$NODE_PREFIX"
  else
    echo "the Node headers are missing ($NODE_PREFIX/include/node/node.h); install them (Debian: nodejs's headers, or libnode-dev)" >&2
    exit 1
  fi
fi
DEST=${1:?usage: install-code-server.sh DEST}
CS_VERSION=${CS_VERSION:-$(cat "$(dirname "$0")/code-server-version")}
CS="$DEST/node_modules/code-server"
if [ -f "$CS/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] && [ -f "$DEST/.complete" ]; then
  echo "code-server $CS_VERSION already installed in $DEST"; exit 0
fi
command -v rg >/dev/null || { echo 'ripgrep (rg) is required: apt-get install -y ripgrep' >&2; exit 1; }
# The kerberos native module builds from source against krb5 (the prebuilt download is unreachable).
command -v krb5-config >/dev/null || { echo 'krb5 headers are required: apt-get install -y libkrb5-dev' >&2; exit 1; }
mkdir -p "$DEST"; cd "$DEST"
[ -f package.json ] || npm init -y >/dev/null
# --ignore-scripts: the stock postinstall downloads ripgrep from GitHub, which is unreachable; its steps are redone below.
npm install --no-audit --no-fund --ignore-scripts "code-server@$CS_VERSION"
npm rebuild argon2
cd "$CS/lib/vscode"
npm install --no-audit --no-fund --omit=dev --ignore-scripts
# @vscode/ripgrep's postinstall exits early when bin/ exists, so Debian's rg stands in for the download.
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild
rm -rf node_modules.asar; ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -f code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -f browser.sh && ln -s browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev)
touch "$DEST/.complete"
echo "code-server $CS_VERSION installed in $DEST"

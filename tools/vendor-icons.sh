#!/usr/bin/env bash
# Re-create book/ext/icons/ from the npm registry: the Font Awesome Free SVGs that the
# themes' templates show (header buttons, launch and download menus, search, theme toggle,
# navigation). book/ext/svg_icons.py inlines them into the pages at build time, so the pages
# need neither the theme's 1.5 MB fontawesome.js nor its webfonts. The version is the one
# pydata-sphinx-theme 0.17.1 bundles. The result is committed; run this only to upgrade
# or when the build reports an icon with no SVG here (add its name to the list below).
set -euo pipefail
FONTAWESOME=6.5.2
SOLID="angle-left angle-right arrow-up bars bell chevron-down circle-check circle-exclamation
  circle-half-stroke circle-info circle-xmark code download expand file file-lines file-pdf
  house lightbulb list magnifying-glass magnifying-glass-minus moon outdent pencil play rocket
  share sun triangle-exclamation up-right-from-square xmark"
BRANDS="bitbucket github gitlab square-github square-gitlab square-twitter"
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "@fortawesome/fontawesome-free@$FONTAWESOME" >/dev/null
tar xzf fortawesome-fontawesome-free-$FONTAWESOME.tgz
out="$root/book/ext/icons"
rm -rf "$out"
mkdir -p "$out/solid" "$out/brands"
for name in $SOLID; do cp "package/svgs/solid/$name.svg" "$out/solid/"; done
for name in $BRANDS; do cp "package/svgs/brands/$name.svg" "$out/brands/"; done
cp package/LICENSE.txt "$out/LICENSE.txt"
echo "Font Awesome Free $FONTAWESOME (npm @fortawesome/fontawesome-free), svgs/ subset" > "$out/VERSION"
echo "vendored $(ls "$out"/solid "$out"/brands | grep -c svg) Font Awesome $FONTAWESOME icons into $out"

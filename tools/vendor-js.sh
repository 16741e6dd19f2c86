#!/usr/bin/env bash
# Re-create book/vendor/ from the npm registry: the scripts a page needs to show math with no
# network (MathJax 3). The calculators need no vendored code: book/static/live is ours.
# The result is committed, so building the book needs no network; run this only to upgrade.
set -euo pipefail
MATHJAX=3.2.2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "mathjax@$MATHJAX" >/dev/null
mkdir mj
tar xzf mathjax-$MATHJAX.tgz -C mj
out="$root/book/vendor"
rm -rf "$out/mathjax"
mkdir -p "$out/mathjax/output/chtml" "$out/mathjax/input/tex"
cp mj/package/LICENSE mj/package/package.json "$out/mathjax/"
cp mj/package/es5/tex-chtml.js "$out/mathjax/"
cp -r mj/package/es5/output/chtml/fonts "$out/mathjax/output/chtml/"
cp -r mj/package/es5/input/tex/extensions "$out/mathjax/input/tex/"
cp -r mj/package/es5/ui mj/package/es5/a11y "$out/mathjax/"
echo "vendored MathJax $MATHJAX into $out"

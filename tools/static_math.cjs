#!/usr/bin/env node
// Typeset a page's TeX once, at build time, with the MathJax that the page would have run.
//
// Reads JSON from stdin: {"items": [{"tex": "...", "display": false}, ...]}
// Writes JSON to stdout: {"items": ["<mjx-container ...>...</mjx-container>", ...],
//                         "cache": "<svg id=\"MJX-SVG-global-cache\" ...>...</svg>",
//                         "css": "..."}
//
// Output is MathJax 3's SVG with one glyph cache per page (each glyph's path once, referenced
// by <use>) and, for screen readers, the formula as MathML (MathJax's assistive-mml: the SVG is
// aria-hidden, the MathML visually hidden). The SVG draws in currentColor, so it follows the
// light and dark themes. A formula MathJax cannot parse is an error (exit 1, with the TeX),
// never a silently raw formula on the page. Used by book/ext/static_math.py.
'use strict';

const {mathjax} = require('mathjax-full/js/mathjax.js');
const {TeX} = require('mathjax-full/js/input/tex.js');
const {SVG} = require('mathjax-full/js/output/svg.js');
const {liteAdaptor} = require('mathjax-full/js/adaptors/liteAdaptor.js');
const {RegisterHTMLHandler} = require('mathjax-full/js/handlers/html.js');
const {AssistiveMmlHandler} = require('mathjax-full/js/a11y/assistive-mml.js');
const {AllPackages} = require('mathjax-full/js/input/tex/AllPackages.js');

function typeset(items) {
  const adaptor = liteAdaptor();
  AssistiveMmlHandler(RegisterHTMLHandler(adaptor));
  const errors = [];
  const tex = new TeX({
    packages: AllPackages.filter((name) => name !== 'bussproofs'),
    formatError: (jax, error) => {
      errors.push(error.message);
      return jax.formatError(error);
    },
  });
  const svg = new SVG({fontCache: 'global'});
  const html = mathjax.document('', {InputJax: tex, OutputJax: svg});
  const rendered = items.map((item) => {
    const before = errors.length;
    const node = html.convert(item.tex, {display: Boolean(item.display)});
    if (errors.length > before) {
      throw new Error(`TeX error "${errors[errors.length - 1]}" in: ${item.tex}`);
    }
    return adaptor.outerHTML(node);
  });
  const cache = svg.pageElements(html);
  return {
    items: rendered,
    cache: cache ? adaptor.outerHTML(cache) : '',
    css: adaptor.textContent(svg.styleSheet(html)),
  };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  try {
    process.stdout.write(JSON.stringify(typeset(JSON.parse(input).items)));
  } catch (error) {
    process.stderr.write(`static_math: ${error.message}\n`);
    process.exit(1);
  }
});

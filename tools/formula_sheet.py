"""Write the book's formula sheet (book/formula-sheet.md) from the package itself.

Every formula line is the docstring of the function or class that computes it, every
constant is the package's value with its ``#:`` comment, and every fitted law's numbers are
read from the law objects: the sheet cannot say something the code does not compute.

    python tools/formula_sheet.py          write book/formula-sheet.md
    python tools/formula_sheet.py --check  exit 1 if the page is not what the package gives

``make book`` writes it before building; tests/test_formula_sheet.py runs ``--check``.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "book" / "formula-sheet.md"
sys.path.insert(0, str(REPO))


@dataclass(frozen=True)
class Formula:
    label: str
    target: str  # dotted path from the package, e.g. "chinchilla.training_flops"
    paragraph: int = 0  # which paragraph of the docstring states the formula


SECTIONS = {
    "Hardware (chapter 1)": [
        Formula("Moore's law", "hardware.project_transistors"),
        Formula("Fitted doubling time", "hardware.transistor_trend"),
        Formula("Growth rate to doubling time", "hardware.growth_doubling_time"),
        Formula("Compounding", "hardware.scaling_over_generations"),
        Formula("Energy efficiency", "hardware.flops_per_watt"),
        Formula("Price-performance", "hardware.flops_per_dollar"),
    ],
    "Power laws (chapter 2)": [
        Formula("Power law, fitted", "powerlaw.fit_power_law"),
        Formula("Exponent from two points", "powerlaw.two_point_exponent"),
        Formula("With a floor", "powerlaw.fit_power_law_with_offset"),
        Formula("Kaplan et al.'s laws", "powerlaw.ScalingLaw"),
        Formula("Scale invariance", "powerlaw.ScalingLaw.loss_ratio"),
        Formula("Solved for X", "powerlaw.ScalingLaw.amount_for_loss"),
        Formula("Exponential trend", "powerlaw.fit_exponential_trend"),
    ],
    "Compute-optimal training (chapter 3)": [
        Formula("Training compute", "chinchilla.training_flops"),
        Formula("Tokens a budget buys", "chinchilla.tokens_for_budget"),
        Formula("Compute of a cluster", "chinchilla.compute_from_hardware"),
        Formula("Parametric loss", "chinchilla.LossLaw"),
        Formula("Compute-optimal allocation", "chinchilla.compute_optimal", paragraph=1),
        Formula("Kaplan et al.'s allocation", "chinchilla.kaplan_allocation"),
    ],
    "Data limits (chapter 4)": [
        Formula("Effective data", "datalimits_formulas.effective_data"),
        Formula("Compute-optimal loss", "datalimits_formulas.optimal_loss_scale"),
        Formula("Epochs for a target", "datalimits_formulas.epochs_for_effective_data",
                paragraph=1),
    ],
    "Emergence and the metric mirage (chapter 5)": [
        Formula("Per-token accuracy", "emergence.token_accuracy"),
        Formula("Exact match", "emergence.exact_match_accuracy"),
        Formula("Multiple choice", "emergence.multiple_choice_accuracy"),
        Formula("Token edit distance", "emergence.token_edit_distance"),
        Formula("Brier score", "emergence.brier_score"),
        Formula("Apparent emergence", "emergence.emergence_scale", paragraph=1),
        Formula("Benchmark noise", "emergence.score_standard_error"),
        Formula("Smooth rise or jump", "emergence.misread_probability"),
    ],
    "From training to inference (chapter 6)": [
        Formula("Lifetime compute", "inference.lifetime_flops"),
        Formula("Break-even demand", "inference.breakeven_inference_tokens"),
        Formula("Chinchilla-style reference", "inference.chinchilla_style_tokens", paragraph=1),
        Formula("Inference-aware optimum", "inference_formulas.optimality_residual",
                paragraph=1),
        Formula("Key-value cache", "inference_formulas.kv_bytes_per_token"),
        Formula("Decode roofline", "inference_formulas.decode_step_seconds"),
        Formula("Serving cost", "inference_formulas.cost_per_million_tokens"),
        Formula("Cost-optimal sizing", "inference.cost_equivalent_inference_tokens",
                paragraph=1),
        Formula("Reliability over steps", "inference.compound_success"),
    ],
    "Outlook (chapter 7)": [
        Formula("Energy of a run", "outlook_formulas.training_energy_joules"),
        Formula("Emissions", "outlook_formulas.emissions_tonnes"),
        Formula("Interruptions", "outlook_formulas.interruptions_per_day"),
        Formula("Checkpoint interval, first order", "outlook_formulas.young_interval"),
        Formula("Checkpoint interval, higher order", "outlook_formulas.daly_interval"),
        Formula("Goodput", "outlook_formulas.goodput"),
        Formula("Mixture of experts", "outlook_formulas.moe_training_flops"),
        Formula("Doubling time of a growth rate", "outlook_formulas.doubling_months"),
        Formula("Returns per order of magnitude", "outlook_formulas.reducible_loss_factor"),
    ],
}

CONSTANTS = ["chinchilla.FLOPS_PER_PARAM_TOKEN", "powerlaw.PF_DAY_FLOPS",
             "chinchilla.GOPHER_FLOPS"]
SCALING_LAWS = ["powerlaw.KAPLAN_2020_PARAMS", "powerlaw.KAPLAN_2020_DATA",
                "powerlaw.KAPLAN_2020_COMPUTE"]
LOSS_LAWS = "chinchilla.LAWS"

#: The quantities of one generation of scaling, in the order of Dennard et al.'s Table I.
DENNARD_QUANTITIES = ["dimension", "voltage", "capacitance", "current", "delay", "frequency",
                      "energy_per_switch", "power_per_circuit", "circuits_per_area",
                      "power_density"]
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def kappa_power(value: float, kappa: float) -> str:
    """A factor that is a whole power of κ, written as one: 0.25 at κ = 2 is '1/κ²'."""
    import math

    exponent = math.log(value) / math.log(kappa)
    whole = round(exponent)
    if abs(exponent - whole) > 1e-9:
        raise ValueError(f"{value} is not a whole power of {kappa}")
    if whole == 0:
        return "1"
    power = "κ" + (str(abs(whole)).translate(_SUPERSCRIPTS) if abs(whole) > 1 else "")
    return power if whole > 0 else f"1/{power}"


def dennard_table(kappa: float = 2.0) -> list[str]:
    """Factors per generation under Dennard scaling and after it, read from the package's
    rules at one κ and written as powers of κ."""
    from scalinglaws import hardware

    columns = [("Dennard (constant field)", hardware.dennard_scaling(kappa)),
               ("voltage held", hardware.post_dennard_scaling(kappa)),
               ("voltage and clock held", hardware.post_dennard_scaling(kappa, False))]
    lines = ["| Per generation | " + " | ".join(name for name, _ in columns) + " |",
             "| --- |" + " --- |" * len(columns)]
    for quantity in DENNARD_QUANTITIES:
        cells = " | ".join(kappa_power(getattr(rules, quantity), kappa) for _, rules in columns)
        lines.append(f"| {quantity.replace('_', ' ')} | {cells} |")
    return lines


def chapter_page(section: str) -> tuple[str, str] | None:
    """('chapter N', its notebook's file name) for a section headed '… (chapter N)', when
    that chapter's notebook exists; else None."""
    import re

    match = re.search(r"\(chapter (\d+)\)", section)
    if match is None:
        return None
    number = int(match.group(1))
    pages = sorted((REPO / "notebooks").glob(f"{number:02d}-*.ipynb"))
    return (f"chapter {number}", pages[0].name) if pages else None


def resolve(target: str):
    """The package object at ``target`` (a dotted path below ``scalinglaws``)."""
    module_name, *attributes = target.split(".")
    obj = importlib.import_module(f"scalinglaws.{module_name}")
    for attribute in attributes:
        obj = getattr(obj, attribute)
    return obj


def _paragraphs(doc: str) -> list[str]:
    return [" ".join(p.split()) for p in inspect.cleandoc(doc).split("\n\n") if p.strip()]


def _markdown(text: str) -> str:
    """Plain text safe in a Markdown table cell (no emphasis from N_opt or 2*x, no column
    breaks), with reST's ``code`` and :func:`name` roles turned into code spans."""
    import re

    text = re.sub(r":\w+:`~?([^`]+)`", r"``\1``", text)
    parts = re.split(r"(``[^`]+``)", text)
    out = []
    for part in parts:
        if part.startswith("``"):
            out.append(f"`{part[2:-2]}`")
        else:
            out.append(part.replace("\\", "\\\\").replace("|", "\\|").replace("_", "\\_")
                       .replace("*", "\\*"))
    return "".join(out)


def formula_text(formula: Formula) -> str:
    """The docstring paragraph of ``formula`` that states it."""
    doc = inspect.getdoc(resolve(formula.target)) or ""
    paragraphs = _paragraphs(doc)
    if len(paragraphs) <= formula.paragraph:
        raise ValueError(f"{formula.target} has no docstring paragraph {formula.paragraph}")
    return paragraphs[formula.paragraph]


def constant_comments() -> dict[str, str]:
    """The ``#:`` comment of every module-level constant of the package, by name."""
    from sphinx.pycode import ModuleAnalyzer

    import scalinglaws

    comments: dict[str, str] = {}
    for info in pkgutil.walk_packages(scalinglaws.__path__, "scalinglaws."):
        try:
            docs = ModuleAnalyzer.for_module(info.name).find_attr_docs()
        except Exception:  # a module without source: nothing to read
            continue
        for (scope, name), lines in docs.items():
            if scope == "":
                comments.setdefault(name, " ".join(" ".join(lines).split()))
    return comments


def _number(value: float) -> str:
    """4 significant digits, exponents without '+' or leading zeros: 3.1e8, 5.76e23."""
    import re

    return re.sub(r"e\+?(-?)0*(\d)", r"e\1\2", f"{value:.4g}")


def _bib_keys() -> set[str]:
    import re

    text = (REPO / "book" / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.MULTILINE))


def _source(source: str, keys: set[str]) -> str:
    """'key, detail' as a citation linked to the bibliography, when the key is one."""
    key, _, detail = (part.strip() for part in source.partition(","))
    if key in keys:
        return f"{{cite:t}}`{key}`" + (f", {_markdown(detail)}" if detail else "")
    return _markdown(source)


#: Printed, the sheet is set small to fit on one or two sheets of A4. Scoped to this page's
#: section, so the whole-book PDF (which includes the page) keeps its own type size.
PRINT_STYLE = """<style>
@media print {
  body:has(.bd-article > section#formula-sheet:first-child) #jb-print-toc { display: none; }
  #formula-sheet { font-size: 8pt; line-height: 1.3; }
  #formula-sheet h1 { font-size: 15pt; margin: 0 0 4pt; }
  #formula-sheet h2 { font-size: 10.5pt; margin: 7pt 0 2pt; }
  #formula-sheet p, #formula-sheet ul { margin-bottom: 3pt; }
  #formula-sheet li { margin: 0; }
  #formula-sheet table { font-size: 7pt; margin: 2pt 0; }
  #formula-sheet th, #formula-sheet td { padding: 1pt 3pt !important; }
  #formula-sheet code { font-size: 6.5pt; }
}
</style>"""


def render() -> str:
    """The formula sheet as MyST Markdown."""
    lines = ["# Formula sheet", "", PRINT_STYLE, "",
             "The course's formulas on one page, written from the `scalinglaws` package itself: "
             "each line is the docstring of the function that computes it, each number the "
             "package's value, so the sheet and the code cannot disagree "
             "(`python tools/formula_sheet.py` writes this page; a test checks it is current). "
             "Names in brackets are the functions of `scalinglaws` that compute each formula. "
             "Print it from your browser: the navigation is left out.", ""]
    for section, formulas in SECTIONS.items():
        lines += [f"## {section}", ""]
        chapter = chapter_page(section)
        if chapter is not None:
            lines += [f"From [{chapter[0]}](../notebooks/{chapter[1]}).", ""]
        for formula in formulas:
            lines.append(f"- **{formula.label}.** {_markdown(formula_text(formula))} "
                         f"(`{formula.target}`)")
        lines.append("")
        if section.startswith("Hardware"):
            lines += ["Shrinking every length by κ, one generation multiplies each quantity by "
                      "(Dennard et al. 1974, Table I; `scalinglaws.hardware.dennard_scaling` "
                      "and `post_dennard_scaling`):", "", *dennard_table(), ""]
    comments = constant_comments()
    lines += ["## Constants", "", "| Name | Value | Meaning and source |", "| --- | --- | --- |"]
    for target in CONSTANTS:
        name = target.rsplit(".", 1)[1]
        lines.append(f"| `{name}` | {_number(resolve(target))} | "
                     f"{_markdown(comments.get(name, ''))} |")
    lines += ["", "## Fitted laws", "",
              "Kaplan et al. (2020): L(X) = (X_c / X)^α, loss in nats per token.".replace(
                  "_", "\\_"), "",
              "| Law of | X_c | α | Source |".replace("_", "\\_"), "| --- | --- | --- | --- |"]
    keys = _bib_keys()
    for target in SCALING_LAWS:
        law = resolve(target)
        lines.append(f"| {_markdown(law.name)} | {_number(law.scale)} {law.unit} | "
                     f"{law.alpha:g} | {_source(law.source, keys)} |")
    lines += ["", "The parametric loss L(N, D) = E + A/N^α + B/D^β and its compute-optimal "
              "exponents a = β/(α+β), b = α/(α+β):", "",
              "| Law | E | A | B | α | β | a | b | Source |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for law in resolve(LOSS_LAWS).values():
        row = law.as_row()
        numbers = " | ".join(f"{row[key]:.4g}" for key in ("E", "A", "B", "alpha", "beta",
                                                               "a", "b"))
        lines.append(f"| {_markdown(law.name)} | {numbers} | {_source(law.source, keys)} |")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if book/formula-sheet.md differs from the package")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != text:
            print(f"{PAGE} is out of date: run 'python tools/formula_sheet.py'", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"{PAGE}: written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

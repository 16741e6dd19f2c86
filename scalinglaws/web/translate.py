"""Translate the restricted Python of :mod:`scalinglaws.formulas` into a JavaScript module.

The subset (anything else raises :class:`TranslationError` naming the line):

* module level: imports of ``math`` and ``numpy as np``, constants ``NAME = <number>``,
  functions;
* statements: assignment to a name or ``x[i]``, ``+=``-style updates, ``return``,
  ``if``/``elif``/``else``, ``for name in range(...)`` and ``for name in <list>``,
  ``<list>.append(x)``; docstrings are dropped;
* expressions: numbers, strings, ``True``/``False``/``None``, names, arithmetic
  (``+ - * / ** //``), comparisons (also chained), ``and``/``or``/``not``, ``a if c else b``,
  calls of the module's functions, of ``abs``/``min``/``max``/``len``/``float``, and of
  ``math.``/``np.`` functions of numbers, attribute access (``law.alpha``), indexing,
  list, tuple (a JavaScript array) and dict (an object) literals.

Python's ``**`` becomes ``Math.pow`` (not JavaScript's ``**``, whose unary-minus rules
differ); ``/`` is the same IEEE division in both.

>>> print(translate_source("def f(x):\\n    return 2 * x ** 3 if x > 0 else -x\\n"))
... # doctest: +NORMALIZE_WHITESPACE
// Generated from restricted Python by scalinglaws.web.translate: do not edit.
<BLANKLINE>
export function f(x) {
  return ((x > 0) ? (2 * Math.pow(x, 3)) : (-x));
}
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

__all__ = ["TranslationError", "translate_file", "translate_source"]

HEADER = "// Generated from restricted Python by scalinglaws.web.translate: do not edit."

#: ``math.`` / ``np.`` names and their JavaScript equivalents.
MATH = {
    "exp": "Math.exp", "exp2": "exp2", "log": "Math.log", "log10": "Math.log10",
    "log2": "Math.log2", "sqrt": "Math.sqrt", "abs": "Math.abs", "floor": "Math.floor",
    "ceil": "Math.ceil", "minimum": "Math.min", "maximum": "Math.max",
    "isfinite": "Number.isFinite",
    "isnan": "Number.isNaN", "pow": "Math.pow", "power": "Math.pow",
}
MATH_CONSTANTS = {"pi": "Math.PI", "e": "Math.E", "inf": "Infinity", "nan": "NaN"}
BUILTINS = {"abs": "Math.abs", "min": "Math.min", "max": "Math.max", "float": "Number"}
OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
COMPARISONS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "===",
               ast.NotEq: "!==", ast.Is: "===", ast.IsNot: "!=="}
#: A helper the module needs: 2^x as numpy's exp2 (exact for whole x).
PRELUDE = "const exp2 = (x) => Math.pow(2, x);\n"


class TranslationError(ValueError):
    """The source uses Python outside the translatable subset."""


def _fail(node: ast.AST, what: str) -> TranslationError:
    return TranslationError(f"line {getattr(node, 'lineno', '?')}: {what} cannot be "
                            "translated to JavaScript")


class _Function:
    """Translates one function body."""

    def __init__(self, functions: set[str], constants: set[str]):
        self.functions = functions
        self.constants = constants

    # --- expressions ---

    def expr(self, node: ast.expr) -> str:  # noqa: C901 - one branch per node type
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return {"True": "true", "False": "false", "None": "null"}.get(node.id, node.id)
        if isinstance(node, ast.BinOp):
            left, right = self.expr(node.left), self.expr(node.right)
            if isinstance(node.op, ast.Pow):
                return f"Math.pow({left}, {right})"
            if isinstance(node.op, ast.FloorDiv):
                return f"Math.floor({left} / {right})"
            if type(node.op) not in OPERATORS:
                raise _fail(node, f"operator {type(node.op).__name__}")
            return f"({left} {OPERATORS[type(node.op)]} {right})"
        if isinstance(node, ast.UnaryOp):
            operand = self.expr(node.operand)
            if isinstance(node.op, ast.USub):
                return f"(-{operand})"
            if isinstance(node.op, ast.UAdd):
                return f"(+{operand})"
            if isinstance(node.op, ast.Not):
                return f"(!{operand})"
            raise _fail(node, f"operator {type(node.op).__name__}")
        if isinstance(node, ast.BoolOp):
            joiner = " && " if isinstance(node.op, ast.And) else " || "
            return "(" + joiner.join(self.expr(value) for value in node.values) + ")"
        if isinstance(node, ast.Compare):
            parts, left = [], node.left
            for op, right in zip(node.ops, node.comparators, strict=True):
                if type(op) not in COMPARISONS:
                    raise _fail(node, f"comparison {type(op).__name__}")
                parts.append(f"{self.expr(left)} {COMPARISONS[type(op)]} {self.expr(right)}")
                left = right
            return "(" + " && ".join(parts) + ")"
        if isinstance(node, ast.IfExp):
            return (f"({self.expr(node.test)} ? {self.expr(node.body)} : "
                    f"{self.expr(node.orelse)})")
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id in ("math", "np"):
                if node.attr not in MATH_CONSTANTS:
                    raise _fail(node, f"{node.value.id}.{node.attr}")
                return MATH_CONSTANTS[node.attr]
            return f"{self.expr(node.value)}.{node.attr}"
        if isinstance(node, ast.Subscript):
            index = node.slice
            if isinstance(index, ast.Slice):
                raise _fail(node, "a slice")
            if (isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub)
                    and isinstance(index.operand, ast.Constant)):
                return f"{self.expr(node.value)}.at({self.expr(index)})"
            return f"{self.expr(node.value)}[{self.expr(index)}]"
        if isinstance(node, (ast.List, ast.Tuple)):
            return "[" + ", ".join(self.expr(item) for item in node.elts) + "]"
        if isinstance(node, ast.Dict):
            items = []
            for key, value in zip(node.keys, node.values, strict=True):
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    raise _fail(node, "a dict key that is not a string")
                items.append(f"{json.dumps(key.value)}: {self.expr(value)}")
            return "{" + ", ".join(items) + "}"
        raise _fail(node, type(node).__name__)

    @staticmethod
    def constant(node: ast.Constant) -> str:
        value = node.value
        if isinstance(value, bool):
            return "true" if value else "false"
        if value is None:
            return "null"
        if isinstance(value, (int, float)):
            return repr(value)
        if isinstance(value, str):
            return json.dumps(value)
        raise _fail(node, f"the constant {value!r}")

    def call(self, node: ast.Call) -> str:
        if node.keywords:
            raise _fail(node, "a keyword argument")
        args = ", ".join(self.expr(arg) for arg in node.args)
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id in ("math", "np"):
            if func.attr not in MATH:
                raise _fail(node, f"{func.value.id}.{func.attr}")
            return f"{MATH[func.attr]}({args})"
        if isinstance(func, ast.Name):
            if func.id == "len" and len(node.args) == 1:
                return f"{self.expr(node.args[0])}.length"
            if func.id == "int" and len(node.args) == 1:
                return f"Math.trunc({args})"
            if func.id in BUILTINS:
                return f"{BUILTINS[func.id]}({args})"
            if func.id in self.functions:
                return f"{func.id}({args})"
        raise _fail(node, f"the call {ast.unparse(func)}")

    # --- statements ---

    def body(self, statements: list[ast.stmt], indent: str) -> list[str]:
        lines: list[str] = []
        for statement in statements:
            lines += self.statement(statement, indent)
        return lines

    def statement(self, node: ast.stmt, indent: str) -> list[str]:  # noqa: C901
        if isinstance(node, ast.Expr):
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                return []  # a docstring
            call = node.value
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "append" and len(call.args) == 1):
                return [f"{indent}{self.expr(call.func.value)}.push({self.expr(call.args[0])});"]
            raise _fail(node, "an expression statement")
        if isinstance(node, ast.Return):
            value = "undefined" if node.value is None else self.expr(node.value)
            return [f"{indent}return {value};"]
        if isinstance(node, ast.Assign):
            if len(node.targets) != 1:
                raise _fail(node, "a chained assignment")
            return [self.assign(node.targets[0], self.expr(node.value), indent)]
        if isinstance(node, ast.AugAssign):
            if type(node.op) not in OPERATORS:
                raise _fail(node, f"the update {type(node.op).__name__}")
            target = self.expr(node.target)
            return [f"{indent}{target} {OPERATORS[type(node.op)]}= {self.expr(node.value)};"]
        if isinstance(node, ast.If):
            lines = [f"{indent}if ({self.expr(node.test)}) {{",
                     *self.body(node.body, indent + "  ")]
            if node.orelse:
                lines.append(f"{indent}}} else {{")
                lines += self.body(node.orelse, indent + "  ")
            return [*lines, f"{indent}}}"]
        if isinstance(node, ast.For):
            if node.orelse or not isinstance(node.target, ast.Name):
                raise _fail(node, "this for loop")
            name = node.target.id
            iterator = node.iter
            if isinstance(iterator, ast.Call) and isinstance(iterator.func, ast.Name) \
                    and iterator.func.id == "range":
                bounds = [self.expr(arg) for arg in iterator.args]
                start, stop = ("0", bounds[0]) if len(bounds) == 1 else (bounds[0], bounds[1])
                step = bounds[2] if len(bounds) == 3 else "1"
                if step.startswith("(-"):
                    raise _fail(node, "a range with a negative step")
                head = f"for ({name} = {start}; {name} < {stop}; {name} += {step})"
            else:
                head = f"for ({name} of {self.expr(iterator)})"
            return [f"{indent}{head} {{", *self.body(node.body, indent + "  "), f"{indent}}}"]
        if isinstance(node, ast.Pass):
            return []
        raise _fail(node, type(node).__name__)

    def assign(self, target: ast.expr, value: str, indent: str) -> str:
        # Every local is declared at the top of the function (see _locals), as Python
        # scopes them, so a name set in a branch or a loop is visible after it.
        if isinstance(target, ast.Name):
            return f"{indent}{target.id} = {value};"
        if isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts):
            return f"{indent}[{', '.join(element.id for element in target.elts)}] = {value};"
        if isinstance(target, ast.Subscript):
            return f"{indent}{self.expr(target)} = {value};"
        raise _fail(target, "this assignment target")


def _locals(function: ast.FunctionDef) -> list[str]:
    """The function's local names (assigned, or loop variables), in order of appearance."""
    params = {arg.arg for arg in function.args.args}
    names: list[str] = []
    for node in ast.walk(function):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.For):
            targets = [node.target]
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and isinstance(name.ctx, ast.Store) \
                        and name.id not in params and name.id not in names:
                    names.append(name.id)
    return names


def _imported_constants(node: ast.ImportFrom) -> list[str]:
    """Numbers imported from another module of the package, exported with their values."""
    import importlib

    module = importlib.import_module(node.module)
    lines = []
    for alias in node.names:
        value = getattr(module, alias.name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(node, f"importing {alias.name}, which is not a number,")
        lines.append(f"export const {alias.asname or alias.name} = {value!r};  "
                     f"// {node.module}")
    return lines


def translate_source(source: str) -> str:
    """The JavaScript module for Python ``source`` in the translatable subset."""
    tree = ast.parse(source)
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    constants: set[str] = set()
    out = [HEADER, ""]
    needs_prelude = "exp2" in source
    if needs_prelude:
        out.append(PRELUDE)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scalinglaws."):
            out += _imported_constants(node)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = {alias.name for alias in node.names}
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                continue
            if names <= {"math", "numpy"}:
                continue
            raise _fail(node, "this import")
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the module docstring
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if not isinstance(target, ast.Name):
                raise _fail(node, "this module-level assignment")
            constants.add(target.id)
            value = _Function(functions, constants).expr(node.value)
            out.append(f"export const {target.id} = {value};")
            continue
        if isinstance(node, ast.FunctionDef):
            args = node.args
            if args.vararg or args.kwarg or args.kwonlyargs or args.defaults:
                raise _fail(node, f"the signature of {node.name}")
            params = [arg.arg for arg in args.args]
            body = _Function(functions, constants).body(node.body, "  ")
            local = _locals(node)
            declare = [f"  let {', '.join(local)};"] if local else []
            out += ["", f"export function {node.name}({', '.join(params)}) {{", *declare, *body,
                    "}"]
            continue
        raise _fail(node, type(node).__name__)
    return "\n".join(out) + "\n"


def translate_file(path: str | Path) -> str:
    """The JavaScript module for the Python file at ``path``."""
    return translate_source(Path(path).read_text(encoding="utf-8"))

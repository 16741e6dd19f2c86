"""Print each setting of a TLJH config.yaml as 'dotted.key value', one a line, for
``tljh-config set`` (deploy/tljh/install.sh)."""

import sys

import yaml


def settings(config: dict, prefix: str = ""):
    """Yield (dotted key, value) for every leaf of a nested mapping."""
    for key, value in config.items():
        if isinstance(value, dict):
            yield from settings(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as file:
        for key, value in settings(yaml.safe_load(file)):
            print(key, value)

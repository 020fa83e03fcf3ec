"""k and the event weights as recsite takes them: the `k:` and `weights:` of
the settings file (the table replaces the default whole), then -k and
--weight TYPE=W for a type the table has (docs/rules.md, "Weights")."""
import math
import os

DEFAULT_WEIGHTS = {"play": 1.0, "complete": 3.0, "like": 2.5, "save": 2.0, "pause": 0.5, "skip": 0.1}


def read_settings(path):
    """(k or None, weights or None) from the flat YAML recsite writes."""
    k, weights, in_weights = None, None, False
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            indented = line[0] in " \t"
            key, _, value = line.strip().partition(":")
            key, value = key.strip(), value.strip()
            if indented and in_weights:
                weights[key.lower()] = _weight(key, value, path)
                continue
            in_weights = key == "weights"
            if in_weights:
                weights = {}
            elif key == "k":
                k = int(value)
    return k, weights


def _weight(name, text, origin):
    value = float(text)
    if not math.isfinite(value) or value < 0:
        raise SystemExit(f"{origin}: the weight of {name} must be a finite number ≥ 0, not {text}")
    return value


def resolve(config, k_flag, weight_flags):
    """(k, weights) from the settings file (recsite.yml when present) and flags."""
    path = config or ("recsite.yml" if os.path.exists("recsite.yml") else None)
    k, weights = read_settings(path) if path else (None, None)
    weights = dict(weights if weights is not None else DEFAULT_WEIGHTS)
    for flag in weight_flags:
        name, _, text = flag.partition("=")
        name = name.strip().lower()
        if name not in weights:
            raise SystemExit(f"unknown event type '{name}' (known: {', '.join(weights)})")
        weights[name] = _weight(name, text, "--weight")
    return (k_flag if k_flag is not None else (k if k is not None else 10)), weights

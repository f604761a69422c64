#!/usr/bin/env bash
# Validate koers data files against data/koers.schema.json with Python's
# jsonschema (the reference validator of JSON Schema 2020-12), and prove the
# schema is not vacuous: broken copies of the vision must be refused.
#
#   scripts/check-schema.sh [FILE.json ...]     (default: the shipped vision)
#
# jsonschema is installed once, idempotently: used from the system Python when
# it is there, otherwise into a virtual environment under target/ (nothing is
# installed system-wide); as a last resort with `pip install --user`.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=target/schema-venv

if ! command -v "$PYTHON" >/dev/null; then
  echo "check-schema: $PYTHON not found; install Python 3" >&2
  exit 2
fi

if "$PYTHON" -c 'import jsonschema' 2>/dev/null; then
  py=$PYTHON
elif [[ -x $VENV/bin/python ]] && "$VENV/bin/python" -c 'import jsonschema' 2>/dev/null; then
  py=$VENV/bin/python
else
  echo "check-schema: installing jsonschema"
  if "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check jsonschema
    py=$VENV/bin/python
  else
    "$PYTHON" -m pip install --quiet --disable-pip-version-check --user jsonschema
    py=$PYTHON
  fi
fi

files=("$@")
((${#files[@]})) || files=(data/semicon-visie-2035.json)

"$py" - data/koers.schema.json "${files[@]}" <<'EOF'
import copy
import json
import sys

import jsonschema

schema_path, *files = sys.argv[1:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
Validator = jsonschema.validators.validator_for(schema)
Validator.check_schema(schema)
validator = Validator(schema)

failed = False
for path in files:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    for e in errors:
        print(f"{path}: {e.json_path}: {e.message}", file=sys.stderr)
    if errors:
        failed = True
    else:
        print(f"{path}: valid against {schema_path}")

# The schema must refuse what koers refuses; otherwise "valid" means nothing.
with open("data/semicon-visie-2035.json", encoding="utf-8") as f:
    vision = json.load(f)

def broken(label, edit):
    d = copy.deepcopy(vision)
    edit(d)
    return label, d

cases = [
    broken("unknown key in targets[1]", lambda d: d["targets"][1].update(colour="red")),
    broken("wrong type in targets[3]", lambda d: d["targets"][3].update(headline="yes")),
    broken("missing title in priorities[0]", lambda d: d["priorities"][0].pop("title")),
    broken("unknown unit", lambda d: d["targets"][0].update(unit="euro")),
    broken("bad id", lambda d: d["figures"][0].update(id="has space")),
    broken("format not koers", lambda d: d.update(format="other")),
    broken("unknown top-level key", lambda d: d.update(extra=[])),
]
for label, d in cases:
    if validator.is_valid(d):
        print(f"check-schema: the schema accepts a broken file ({label})", file=sys.stderr)
        failed = True

sys.exit(1 if failed else 0)
EOF

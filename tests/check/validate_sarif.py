#!/usr/bin/python3
"""Validate SARIF logs against the SARIF 2.1.0 JSON schema.

usage: validate_sarif.py SCHEMA LOG...

Exits 0 when every LOG is valid, 1 with each error (file, JSON path, message) otherwise.
Needs Debian's python3-jsonschema.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
    failures = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}", file=sys.stderr)
            failures += 1
        if not log.get("runs") or not log["runs"][0].get("results"):
            print(f"{path}: the log has no results to check", file=sys.stderr)
            failures += 1
    if failures == 0:
        print(f"{len(argv) - 2} SARIF log(s) valid against {argv[1]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

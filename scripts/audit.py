"""Known vulnerabilities of the locked versions: pip-audit's findings, and a verdict on them.

    python scripts/audit.py REQUIREMENTS   (sh scripts/run.sh audit exports them from uv.lock)

Exit status: 0 when nothing needs doing (vulnerabilities without a fix are reported, since no
version could remove them yet); 1 when a vulnerability has a fixed version to move to (refresh
the lock: sh scripts/run.sh lock); 3 when no verdict could be had because the vulnerability
service knew none of the packages (it could not be reached: pip-audit then calls every package
unknown instead of failing).
"""

import json
import subprocess
import sys
from dataclasses import dataclass

FIXABLE, NO_VERDICT = 1, 3


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    vulnerability: str
    fixed_in: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    findings: tuple[Finding, ...]
    unaudited: tuple[str, ...]  # "name version (why)"
    audited: int

    @property
    def fixable(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.fixed_in)

    @property
    def status(self) -> int:
        if self.fixable:
            return FIXABLE
        return NO_VERDICT if not self.audited else 0


def verdict(report: dict) -> Verdict:
    """What pip-audit's JSON report (`--format json`) says of the packages it was given."""
    findings, unaudited, audited = [], [], 0
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            unaudited.append(f"{dependency['name']}: {dependency['skip_reason']}")
            continue
        audited += 1
        for vulnerability in dependency.get("vulns", []):
            findings.append(
                Finding(
                    dependency["name"],
                    dependency["version"],
                    vulnerability["id"],
                    tuple(vulnerability.get("fix_versions", ())),
                )
            )
    return Verdict(tuple(findings), tuple(unaudited), audited)


def describe(result: Verdict) -> str:
    lines = [f"{result.audited} packages audited, {len(result.unaudited)} not."]
    for finding in result.findings:
        fix = ", ".join(finding.fixed_in) or "no fixed version yet (reported only)"
        lines.append(f"  {finding.package} {finding.version}: {finding.vulnerability}; fix: {fix}")
    if result.status == FIXABLE:
        lines.append("Move to the fixed versions: sh scripts/run.sh lock, then test and commit.")
    elif result.status == NO_VERDICT:
        lines.append("No verdict: the vulnerability service knew none of the packages, which")
        lines.append("means it could not be reached from this machine. First of them:")
        lines.extend(f"  {line}" for line in result.unaudited[:3])
    elif not result.findings:
        lines.append("No known vulnerability.")
    return "\n".join(lines)


def main(requirements: str) -> int:
    options = ["--require-hashes", "--disable-pip", "--format", "json", "--progress-spinner", "off"]
    done = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--requirement", requirements, *options],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        print(done.stderr.strip() or "pip-audit said nothing", file=sys.stderr)
        return NO_VERDICT
    result = verdict(report)
    print(describe(result))
    return result.status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

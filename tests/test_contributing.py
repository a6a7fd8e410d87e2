"""The contributor workflow: CI files, pre-commit, and the guide, followed step by step."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys

import jsonschema
import pytest
import yaml
from conftest import ROOT, build

from tooling.sphinxext.domain import GENERATED_DIRS

# The part of GitHub's workflow syntax these files use, as a schema: enough to
# catch a misspelt key, a step with both or neither of uses/run, or an
# unpinned action.
STEP = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "id": {"type": "string"},
        "uses": {"type": "string", "pattern": r"^[\w.-]+/[\w.-]+@v\d+$"},
        "run": {"type": "string"},
        "with": {"type": "object"},
        "env": {"type": "object"},
    },
    "additionalProperties": False,
    "oneOf": [{"required": ["uses"]}, {"required": ["run"]}],
}
WORKFLOW = {
    "type": "object",
    "required": ["name", True, "jobs"],
    "properties": {
        "name": {"type": "string"},
        True: {"type": "object"},  # PyYAML reads the key `on` as True
        "permissions": {"type": "object"},
        "concurrency": {"type": "object"},
        "jobs": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "required": ["runs-on", "steps"],
                "properties": {
                    "runs-on": {"type": "string"},
                    "needs": {},
                    "environment": {"type": "object"},
                    "steps": {"type": "array", "minItems": 1, "items": STEP},
                    "permissions": {"type": "object"},
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}


def load_workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github/workflows" / name).read_text())


@pytest.mark.parametrize("name", ["pull-request.yml", "deploy.yml"])
def test_workflows_follow_the_syntax(name):
    data = load_workflow(name)
    schema = {**WORKFLOW, "required": ["name", "jobs"]}
    schema["properties"] = {k: v for k, v in WORKFLOW["properties"].items() if k is not True}
    schema["additionalProperties"] = False
    data = {k: v for k, v in data.items() if k is not True}
    jsonschema.validate(data, schema)
    assert True in load_workflow(name)  # the `on:` trigger is present


def _runs(workflow: dict) -> list[str]:
    return [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]


def test_pull_request_workflow_validates_with_annotations_then_builds_strictly():
    wf = load_workflow("pull-request.yml")
    assert "pull_request" in wf[True]
    runs = _runs(wf)
    check_at = next(i for i, r in enumerate(runs) if "python -m tooling check --format github" in r)
    build_at = next(i for i, r in enumerate(runs) if "sphinx" in r and " -W" in r)
    assert check_at < build_at
    assert any("pytest" in r for r in runs)


def test_a_data_only_pull_request_takes_the_fast_path():
    """The scope step's shell, run on two change lists: claims/ only is fast; anything else is full."""
    wf = load_workflow("pull-request.yml")
    step = next(s for job in wf["jobs"].values() for s in job["steps"] if s.get("id") == "scope")
    script = step["run"].replace('git diff --name-only "$BASE" HEAD', 'printf "$CHANGED"')
    for changed, suite in (
        ("claims/events/a.yaml\nclaims/claimants.yaml\n", "fast"),
        ("claims/events/a.yaml\ntooling/rules.py\n", "full"),
    ):
        out = subprocess.run(
            ["bash", "-c", script],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "BASE": "abc", "CHANGED": changed, "GITHUB_OUTPUT": "/dev/stdout"},
        )
        assert f"suite={suite}" in out.stdout, (changed, out.stdout, out.stderr)
    assert "push" in wf[True] and wf[True]["push"]["branches"] == ["main"]  # main runs everything


def test_deploy_workflow_publishes_main_to_pages():
    wf = load_workflow("deploy.yml")
    assert wf[True]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for job in wf["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any("make html" in r for r in _runs(wf))


def test_github_annotation_format_is_what_the_workflow_prints(site):
    (site / "claims/events/bridge-strike.yaml").write_text(
        (site / "claims/events/bridge-strike.yaml").read_text().replace("summary:", "sumary:")
    )
    out = subprocess.run(
        [sys.executable, "-m", "tooling", "check", "--format", "github"],
        cwd=site,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert re.match(r"^::error file=claims/events/bridge-strike\.yaml,line=8,col=1::unknown field", out.stdout)


def test_read_the_docs_config_builds_like_make_html():
    rtd = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())
    assert rtd["version"] == 2 and rtd["build"]["tools"]["python"] == "3.11"
    cmds = " ".join(rtd["build"]["commands"])
    assert "python -m tooling check" in cmds and "-W" in cmds and "-c . docs" in cmds


def test_pre_commit_hook_runs_the_validator():
    cfg = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hook = cfg["repos"][0]["hooks"][0]
    assert hook["entry"] == "tooling/run check"  # the project's environment, not a bare python
    assert re.search(hook["files"], "claims/events/dormitory-strike.yaml")
    result = subprocess.run(
        hook["entry"].split(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_record_file_without_its_schema_line_gets_a_note_with_the_line(site, monkeypatch, capsys):
    """The schema line gives editors completion; make check says which files lack it, and the
    line it prints names a schema that exists (a note: the records are valid without it)."""
    from tooling.cli import main

    monkeypatch.chdir(site)
    assert main(["check"]) == 0
    notes = [ln for ln in capsys.readouterr().out.splitlines() if "no schema line" in ln]
    event = next(ln for ln in notes if ln.startswith("claims/events/bridge-strike.yaml:1:1: note:"))
    line = re.search(r"'(# yaml-language-server: \$schema=(\S+))'", event)
    assert (site / "claims/events" / line.group(2)).resolve() == ROOT / "tooling/schema/event.schema.json"
    path = site / "claims/events/bridge-strike.yaml"
    path.write_text(line.group(1) + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check"]) == 0
    assert "bridge-strike.yaml:1:1: note" not in capsys.readouterr().out


def _guide_commands(section: str) -> list[str]:
    text = (ROOT / "docs/contributing.md").read_text(encoding="utf-8")
    part = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", part, re.S)
    return [line.strip() for b in blocks for line in b.splitlines() if line.strip()]


def test_following_the_guide_adds_a_claim_that_appears_on_the_page(real_site, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(real_site / "conf.py", site / "conf.py")
    shutil.copytree(real_site / "claims", site / "claims")
    shutil.copytree(
        ROOT / "docs",
        site / "docs",
        ignore=shutil.ignore_patterns(*GENERATED_DIRS),
    )
    env = {"PATH": "/usr/bin:/bin"}  # nothing activated: tooling/run finds the project's environment
    commands = _guide_commands("Add a claim")
    assert any("new claim" in c and "--append" in c for c in commands)
    event = claim_id = None
    for command in commands:
        if command.startswith("make "):
            continue  # `make check` / `make html`: done below, in this process
        args = shlex.split(command)
        assert args[0] == "tooling/run", command
        result = subprocess.run(
            [str(ROOT / "tooling/run"), *args[1:]], cwd=site, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, (command, result.stderr)
        if "new claim" in command:
            event, claim_id = args[3], args[4]
    # The guide's next step: replace the REPLACE: lines.
    path = site / f"claims/events/{event}.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        '"REPLACE: the claim in one neutral sentence."', '"Videos showed rebels removing a flag from a statue."'
    )
    text = text.replace('"REPLACE: why this rating, checkable against the quotes."', '"Only one source describes it."')
    text = re.sub(r'rating: "REPLACE: one of [^"]*"', "rating: reported", text)
    path.write_text(text, encoding="utf-8")
    check = subprocess.run([str(ROOT / "tooling/run"), "check"], cwd=site, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    result = build(site)
    assert result.warnings == ""
    card = result.soup(f"events/{event}").find(id=f"claim-{claim_id}")
    assert card is not None
    assert card.h3.get_text().startswith("Videos showed rebels removing a flag from a statue.")
    assert "rebels removing a Syrian flag from a statue" in card.blockquote.get_text()


READ_ONLY = {"quote", "origins", "check", "coverage"}


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    lines = [ln.split("#", 1)[0].strip() for b in blocks for ln in b.splitlines()]
    return [ln for ln in lines if ln]


def test_the_readmes_commands_run_as_written():
    """Every command in the README's shell blocks: make targets exist; tooling/run ones run, in a plain shell."""
    commands = _readme_commands()
    assert any(c.startswith("tooling/run ") for c in commands) and "make html" in commands
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))
    for command in commands:
        args = shlex.split(command)
        if args[0] == "make":
            assert set(args[1:]) <= targets, command
            continue
        assert args[0] == "tooling/run" and args[1] in READ_ONLY, command
        result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
        assert result.returncode == 0, (command, result.stdout, result.stderr)

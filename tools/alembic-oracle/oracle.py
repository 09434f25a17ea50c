#!/usr/bin/env python3
"""Asks Alembic itself what it does on random revision graphs, so migrate can be checked against it.

Writes a JSON corpus: random graphs (branches, merges, several bases, depends_on on ids and on
branch labels, branch labels) and, for each, cases of upgrade, downgrade and stamp from reachable
version-table states, plus heads, bases, history order and history ranges (history -r, without a
database), each with Alembic's answer: the steps it would run and the version table afterwards (the
revisions listed), or that it refuses. migrate's test
(dev.migrate.graph.AlembicOracleTest) replays the corpus through RevisionGraph.

    python3 tools/alembic-oracle/oracle.py --seed 1 --graphs 250 \
        | gzip -9n > migrate-core/src/test/resources/alembic-oracle/cases.json.gz

Needs Alembic (Debian: apt-get install python3-alembic; the committed corpus was made with Debian's
1.8.1). On a release older than 1.13 the one rule of the version table that Alembic changed since
(how a downgraded merge unmerges) is replaced by the current one, so the corpus says what current
Alembic does. Only Alembic's revision-map and head-maintenance logic runs: no database, no script
files.
"""
import argparse
import json
import random
import sys

import alembic
from alembic.runtime import migration
from alembic.script.base import ScriptDirectory
from alembic.script.revision import Revision, RevisionMap
from alembic.util import CommandError


def _unmerge_to_revisions_as_alembic_1_13(step, heads):
    """The rows a downgraded merge leaves, by the rule Alembic has had since 1.13 (its pull request
    1376, after issue 1373); Debian's 1.8.1 predates it and could write a row that lies below
    another one. With other rows in the table, the parents below them are left out; with none, the
    parents below another parent of the same revision are."""
    rmap = step.revision_map
    others = set(heads) - {step.revision.revision}
    if others:
        covered = {r.revision for r in rmap._get_ancestor_nodes(rmap.get_revisions(others), check=False)}
    else:
        covered = set()
        for parent in step.to_revisions:
            covered |= {r.revision for r in rmap._get_ancestor_nodes(rmap.get_revisions(parent), check=False)
                        if r.revision != parent}
    return tuple(set(step.to_revisions) - covered)


if tuple(int(part) for part in alembic.__version__.split(".")[:2]) < (1, 13):
    migration.RevisionStep._unmerge_to_revisions = _unmerge_to_revisions_as_alembic_1_13


class Heads(migration.HeadMaintainer):
    """Alembic's own HeadMaintainer with the SQL left out: it keeps the version table as a set."""

    def __init__(self, heads):
        super().__init__(None, heads)

    def _insert_version(self, version):
        assert version not in self.heads
        self.heads.add(version)

    def _delete_version(self, version):
        self.heads.remove(version)

    def _update_version(self, from_, to_):
        assert to_ not in self.heads
        self.heads.remove(from_)
        self.heads.add(to_)


class _Module:
    """What a RevisionStep looks up on a script's module; never called."""

    @staticmethod
    def upgrade():
        pass

    @staticmethod
    def downgrade():
        pass


class Script(Revision):
    module = _Module
    doc = ""


def script_directory(graph):
    def load():
        for r in graph:
            down = tuple(r["revises"]) if r["revises"] else None
            if down is not None and len(down) == 1:
                down = down[0]
            yield Script(r["id"], down, dependencies=tuple(r["dependsOn"]) or None,
                           branch_labels=tuple(r["labels"]) or None)

    directory = ScriptDirectory.__new__(ScriptDirectory)
    directory.revision_map = RevisionMap(load)
    return directory


def random_graph(rnd, size):
    ids = set()
    graph = []
    labels = 0
    while len(graph) < size:
        rid = "%04x" % rnd.randrange(0x10000)
        if rid in ids:
            continue
        ids.add(rid)
        earlier = [r["id"] for r in graph]
        revises = []
        if earlier and rnd.random() > 0.08:
            # Mostly a recent parent, so the graph is long rather than bushy; sometimes a merge.
            parent = earlier[max(0, len(earlier) - 1 - int(rnd.expovariate(0.5)))]
            revises.append(parent)
            if rnd.random() < 0.12 and len(earlier) > 2:
                other = rnd.choice(earlier)
                if other != parent:
                    revises.append(other)
        depends = []
        if earlier and rnd.random() < 0.08:
            target = rnd.choice(graph)
            if target["id"] not in revises:
                depends.append(target["labels"][0] if target["labels"] and rnd.random() < 0.5 else target["id"])
        my_labels = []
        if rnd.random() < 0.1:
            labels += 1
            my_labels.append("lbl%d" % labels)
        graph.append({"id": rid, "revises": revises, "dependsOn": depends, "labels": my_labels})
    return graph


def steps_of(revision_steps):
    return [("%s%s" % (s.revision.revision, "+" if s.is_upgrade else "-")) for s in revision_steps]


def run(heads, steps):
    maintainer = Heads(heads)
    for step in steps:
        maintainer.update_to_step(step)
    return sorted(maintainer.heads)


class AlembicFailed(Exception):
    """Alembic neither answered nor refused: an internal error (an assert, a KeyError)."""


class AlembicRefused(Exception):
    """Alembic refused, as its commands do (a CommandError or RevisionError); the reason is the text."""


def attempt(function):
    """Alembic's answer; AlembicRefused or AlembicFailed when it has none."""
    try:
        return function()
    except (CommandError, alembic.script.revision.RevisionError) as refused:
        raise AlembicRefused(str(refused)) from refused
    except Exception as failed:
        raise AlembicFailed(type(failed).__name__) from failed


def outcome(case, steps_function, with_steps=True):
    """Fills in Alembic's answer: the steps and the version table after them, or a refusal."""
    try:
        steps = attempt(steps_function)
        after = attempt(lambda: run(case["current"], steps))
    except AlembicFailed as failed:
        case["alembicFailed"] = str(failed)
        return case
    except AlembicRefused as refused:
        if with_steps:
            case["steps"] = None
        case["heads"] = None
        case["refusal"] = str(refused)
        return case
    if with_steps:
        case["steps"] = steps_of(steps)
    case["heads"] = after
    return case


def targets(rnd, graph, directory):
    ids = [r["id"] for r in graph]
    labels = [l for r in graph for l in r["labels"]]
    pick = lambda: rnd.choice(ids)
    choices = ["heads", "head", "base", pick(), pick(), pick()[:3], "+1", "+2", "-1", "-2",
               pick() + "@+1", pick() + "@-1", pick() + "@+2", pick() + "@head", "-3", "+3"]
    if labels:
        label = rnd.choice(labels)
        choices += [label + "@head", label + "@heads", label + "@base", label + "@+1", label + "@-1", label,
                    label + "@" + pick(), label + "@base+1", label + "@base+2", label + "@head-1",
                    label + "@head-2"]
    return choices


def reachable_state(rnd, graph, directory):
    """A version table Alembic itself could leave: an upgrade from empty to a random revision or
    heads, sometimes followed by a downgrade."""
    if rnd.random() < 0.2:
        return []
    target = rnd.choice([r["id"] for r in graph] + ["heads"])
    try:
        steps = attempt(lambda: directory._upgrade_revs(target, ()))
        state = attempt(lambda: run((), steps))
    except (AlembicRefused, AlembicFailed):
        return []
    if state and rnd.random() < 0.4:
        # Then down again: downgrades leave tables upgrades never do (a row below another one).
        back = rnd.choice([r["id"] for r in graph] + ["-1", "-2"])
        try:
            steps = attempt(lambda: directory._downgrade_revs(back, tuple(state)))
            state = attempt(lambda: run(state, steps))
        except AlembicRefused:
            pass
        except AlembicFailed:
            return []
    return state


def cases(rnd, graph, directory):
    result = []
    for _ in range(6):
        current = reachable_state(rnd, graph, directory)
        for target in targets(rnd, graph, directory):
            result.append(outcome({"kind": "upgrade", "current": current, "target": target},
                                  lambda: directory._upgrade_revs(target, tuple(current))))
            result.append(outcome({"kind": "downgrade", "current": current, "target": target},
                                  lambda: directory._downgrade_revs(target, tuple(current))))
        for _ in range(3):
            stamp = [rnd.choice([r["id"] for r in graph])]
            if rnd.random() < 0.3:
                stamp.append(rnd.choice([r["id"] for r in graph] + ["base"]))
            result.append(outcome({"kind": "stamp", "current": current, "targets": stamp},
                                  lambda: directory._stamp_revs(tuple(stamp), tuple(current)), with_steps=False))
    return result


def history_cases(rnd, graph, directory):
    """history -r lower:upper without a database (Alembic's walk_revisions), both sides drawn from the
    same kinds of target as the plans', except a revision-named branch counted down on the lower side
    (rev@-N), where Alembic's walk answers erratically."""
    ids = [r["id"] for r in graph]
    labels = [l for r in graph for l in r["labels"]]
    pick = lambda: rnd.choice(ids)
    sides = ["", "base", "heads", "head", pick(), pick(), pick()[:3], "-1", "-2", "+1", "+2", pick() + "@+1",
             pick() + "@head"]
    if labels:
        label = rnd.choice(labels)
        sides += [label + "@head", label + "@base", label, label + "@-1", label + "@+1"]
    result = []
    for _ in range(8):
        lower, upper = rnd.choice(sides), rnd.choice(sides)
        case = {"range": lower + ":" + upper}
        try:
            case["ids"] = [s.revision for s in attempt(
                lambda: list(directory.walk_revisions(base=lower or "base", head=upper or "heads")))]
        except AlembicRefused as refused:
            case["refusal"] = str(refused)
        except AlembicFailed as failed:
            case["alembicFailed"] = str(failed)
        result.append(case)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--graphs", type=int, default=150)
    parser.add_argument("--max-size", type=int, default=40)
    options = parser.parse_args()
    rnd = random.Random(options.seed)
    # A stream of its own, so adding history ranges left the plan cases of a seed as they were.
    history_rnd = random.Random("history %d" % options.seed)
    corpus = {"alembic": alembic.__version__, "seed": options.seed, "graphs": []}
    while len(corpus["graphs"]) < options.graphs:
        graph = random_graph(rnd, 1 + rnd.randrange(options.max_size))
        directory = script_directory(graph)
        try:
            directory.revision_map.heads
        except Exception as rejected:  # a label clash or the like: such graphs are not the point here
            continue
        corpus["graphs"].append({
            "revisions": graph,
            "heads": sorted(directory.get_heads()),
            "bases": sorted(directory.get_bases()),
            "history": [s.revision for s in directory.walk_revisions("base", "heads")],
            "cases": cases(rnd, graph, directory),
            "historyCases": history_cases(history_rnd, graph, directory),
        })
    json.dump(corpus, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

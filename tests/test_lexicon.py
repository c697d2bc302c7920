"""The lexicon's tables: every word listed once, every property's verbs real cues."""
import ast
from collections import Counter
from pathlib import Path

import pytest

from search.attribution import extract, lexicon
from search.attribution.lexicon import CUE_TABLE, CUES, INVERTING

PKG = Path(__file__).parents[1] / "search" / "attribution"


def test_cue_table_rows_and_forms_are_unique():
    lemmas = [line.split()[0] for line in lexicon._TABLE.splitlines() if line.strip()]
    assert [k for k, n in Counter(lemmas).items() if n > 1] == []
    forms = Counter(f for cue in CUE_TABLE.values() for f in set(cue.forms))
    assert [f for f, n in forms.items() if n > 1] == []  # no form belongs to two lemmas
    nouns = Counter(n for cue in CUE_TABLE.values() for n in cue.nouns)
    assert [n for n, k in nouns.items() if k > 1] == []


def test_properties_belong_to_cues():
    for cue in CUE_TABLE.values():
        assert set(cue.nounish) <= set(cue.forms), cue.lemma  # a noun-like form is one of its own forms
        assert all(CUES[f] == cue.lemma for f in cue.forms)


@pytest.mark.parametrize("lemma", sorted(INVERTING))
def test_inverting_cues_are_recognised(lemma):
    """`"…," said X` works for every inverting verb in at least one of its forms."""
    assert any(any(q.speaker == "Jane Doe" and q.cue == form and q.kind == "direct"
                   for q in extract(f"“The plan will fail before the summer ends,” {form} Jane Doe."))
               for form in CUE_TABLE[lemma].forms)


@pytest.mark.parametrize("module", ["lexicon.py", "words.py"])
def test_word_lists_have_no_duplicates(module):
    tree = ast.parse((PKG / module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            items = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        elif isinstance(node, ast.Dict):
            items = [k.value for k in node.keys if isinstance(k, ast.Constant)]
        else:
            continue
        assert [w for w, n in Counter(items).items() if n > 1] == [], f"{module}:{node.lineno}"


def test_each_list_has_one_owner():
    """A word list is defined in one module of the package, never again in another."""
    owners: dict[str, list[str]] = {}
    for path in PKG.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id.isupper():
                        owners.setdefault(target.id, []).append(path.name)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}

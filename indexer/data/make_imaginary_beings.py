"""Write ``imaginary_beings.txt`` from Princeton WordNet 3.0.

WordNet files people under ``person.n.01`` (an organism) and gods, heroes of myth and
characters of fiction under ``imaginary_being.n.01`` and ``spiritual_being.n.01`` (a
psychological feature). A capitalised word that names only the second kind, and no
real person, is no facet value: "Agamemnon", "Bacchus", "Moloch".

Not run by the build; the list it writes is committed. To regenerate::

    apt-get install wordnet-base wordnet-sense-index   # Debian's WordNet 3.0 files
    pip install nltk
    python indexer/data/make_imaginary_beings.py /usr/share/wordnet > indexer/data/imaginary_beings.txt
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import warnings

# NLTK's reader asks for the "lexnames" file, which Debian ships only as its manual page
# (lexnames(5WN)); the table is fixed by the WordNet database format.
_LEXNAMES = """adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute
noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group
noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession
noun.process noun.quantity noun.relation noun.shape noun.state noun.substance noun.time
verb.body verb.change verb.cognition verb.communication verb.competition verb.consumption
verb.contact verb.creation verb.emotion verb.motion verb.perception verb.possession verb.social
verb.stative verb.weather adj.ppl""".split()
_POS = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}

HEADER = """\
# Capitalised names that Princeton WordNet 3.0 knows only as gods, beings of myth,
# characters of fiction and names that stand for anyone ("John Doe"), and never as a real
# person (so not "Arthur", a president too, nor "Jesus" or "Homer"): one name per line
# ("Moloch", "Simon Legree"), a tab, then the WordNet synset it was found under (and, for a
# name that stands for anyone, a tab and "anyone").
# Written by indexer/data/make_imaginary_beings.py; do not edit by hand.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or
# Princeton may not be used in advertising or publicity pertaining to distribution of the
# software and/or database. (Licence: https://wordnet.princeton.edu/license-and-commercial-use)
"""


_PLACEHOLDER = re.compile(r"\b(?:fictitious|hypothetical)\b")


def _reader(wordnet_dir: str):
    import nltk.data
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    # NLTK reads corpora only from inside its data path, links resolved: copy the files there.
    root = tempfile.mkdtemp()
    corpus = os.path.join(root, "corpora", "wordnet")
    os.makedirs(corpus)
    for name in os.listdir(wordnet_dir):
        if os.path.isfile(os.path.join(wordnet_dir, name)):
            shutil.copy(os.path.join(wordnet_dir, name), corpus)
    with open(os.path.join(corpus, "lexnames"), "w") as out:
        out.writelines(f"{i:02d}\t{n}\t{_POS[n.split('.')[0]]}\n" for i, n in enumerate(_LEXNAMES))
    nltk.data.path.insert(0, root)
    warnings.simplefilter("ignore")  # "multilingual functions are not available": not used
    return WordNetCorpusReader(nltk.data.find("corpora/wordnet"), None)


def imaginary_words(wordnet_dir: str) -> dict[str, str]:
    wn = _reader(wordnet_dir)
    human = wn.synset("person.n.01")
    beings = {wn.synset("imaginary_being.n.01"), wn.synset("spiritual_being.n.01")}
    character = wn.synset("imaginary_being.n.01")
    imaginary: dict[str, str] = {}
    real: set[str] = set()
    for synset in wn.all_synsets("n"):
        if synset.lexname() != "noun.person":
            continue
        above = set(synset.closure(lambda s: s.hypernyms() + s.instance_hypernyms()))
        for lemma in synset.lemma_names():
            lemma = lemma.replace("_", " ")
            if not all(word[:1].isupper() for word in lemma.split()):
                continue  # "Frankenstein's monster", "Helen of Troy": no name's shape
            # A character is filed under a trade too ("Paul Bunyan", a lumberman), and a type named
            # after one is a kind of person ("a Simon Legree", a slave driver): neither makes the
            # full name a real person's. (Saints and gods stay as before: "Augustine" is real.)
            if character in above:
                imaginary.setdefault(lemma, synset.name())
            elif human in above and (synset.instance_hypernyms() or " " not in lemma):
                real.add(lemma)
            elif above & beings:
                imaginary.setdefault(lemma, synset.name())
            elif human in above and " " in lemma and _PLACEHOLDER.search(synset.definition()):
                # A name that stands for anyone: "John Doe", "Richard Roe" ("an unknown or
                # fictitious party to legal proceedings"), "Joe Bloggs" ("a hypothetical average man").
                imaginary.setdefault(lemma, f"{synset.name()}\tanyone")
    return {word: name for word, name in sorted(imaginary.items()) if word not in real}


def main(argv: list[str]) -> None:
    words = imaginary_words(argv[1] if len(argv) > 1 else "/usr/share/wordnet")
    sys.stdout.write(HEADER)
    for word, synset in words.items():
        sys.stdout.write(f"{word}\t{synset}\n")


if __name__ == "__main__":
    main(sys.argv)

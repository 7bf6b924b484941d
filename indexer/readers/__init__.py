"""Readers: the files of a corpus folder (scraped text, HTML, Markdown) become Documents.

The walk (:mod:`.walk`) lists the candidate files with the catalogue that
describes each; reading one file (:mod:`.reading`) refuses what is no
document, tells the format by content (:mod:`.sniff`), decodes it
(:mod:`.encoding`), and hands it to its format's parser (:mod:`.text`,
:mod:`.markdown`, :mod:`.html`). Each parser gives rough blocks and metadata
hints (:mod:`.parsed`); assembly (:mod:`.assembly`) applies the rules every
format shares — header and info block, headline, byline, title, author and
date in trust order — and builds the Document.
"""

from indexer.readers.reading import Reading, examine, read_corpus, read_file
from indexer.readers.walk import corpus_files

__all__ = ["Reading", "corpus_files", "examine", "read_corpus", "read_file"]

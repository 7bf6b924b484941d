"""Archive Search indexer: corpus folder -> cleaned paragraphs with persons and years -> Whoosh."""

"""Text to triples: reading, cleaning, sentences, entities, relations."""

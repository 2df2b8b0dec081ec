"""The spaCy components of the pipeline: paragraphs, sentences, parse repair."""

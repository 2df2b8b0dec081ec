"""The spaCy components of the pipeline, one module each: paragraphs.py (sentences at lines and
after datelines), repair.py (parse repair), pipes.py (remembering rule components); factories.py
registers them and adds them to a loaded model (`prepare`)."""

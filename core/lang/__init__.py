"""Language data: the words each language's rules read, kept out of the code."""

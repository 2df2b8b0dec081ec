"""Reading articles: files, folders, stdin, HTML and JSON Lines records."""

"""What happened: triggers, roles, tolls, drafting and merging of event mentions."""

// formula-lens CLI: filled in by the numeric-core issue.

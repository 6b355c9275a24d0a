// Stemmer tests: see the relevance issue.

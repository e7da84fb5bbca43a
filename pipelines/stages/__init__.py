"""One composite PTransform per stage of the path of a post."""

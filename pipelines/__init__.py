"""Apache Beam: sources, one composite PTransform per stage, and the graphs."""

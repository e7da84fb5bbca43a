"""The domain's brain, pure Python, no I/O: privacy, embedding, classification, duplicates."""

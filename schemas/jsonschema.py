"""The JSON Schema of the input format, exported from the pydantic models."""

from __future__ import annotations

from typing import Any

from schemas.posts import Post
from schemas.taxonomy import CATEGORIES


def input_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one input post; unknown fields are allowed and kept."""
    schema = Post.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://oncowatch.invalid/schemas/post.json"
    schema["title"] = "oncowatch input post"
    schema["description"] = (
        "One JSON object per line, UTF-8. post_id = '<platform>:<id>'. Unknown fields are kept in "
        f"`extra`. Posts are classified into: {', '.join(CATEGORIES)}."
    )
    schema["additionalProperties"] = True
    return schema

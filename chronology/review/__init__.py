"""The review file (review.toml): reading it, and writing a starting one."""

"""Guidelines as data: one YAML file per source, topic and version, validated by a schema."""

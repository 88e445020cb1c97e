"""Writing documents in other formats: JSON, HTML and plain text (standard library only) and
PDF (Qt). Import the module you need (`export.json_export`, …): this package imports none of
them, so that one exporter never loads the others, and the window starts without any."""
